package org.factorguard.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.DatasetDetail;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.datasets.service.ImportProgressListener;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.DrawdownOverlaySettings;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.backtest.TradingData;
import org.factorguard.quant.data.BadTickRepair;
import org.factorguard.quant.data.CausalCleaner;
import org.factorguard.quant.data.CausalCleaningSettings;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.PriceRepair;
import org.factorguard.quant.data.TradingCalendar;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.shared.ValidationProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * A hand-built panel through the CSV import: prices are stored as imported, the bad tick is listed, fundamentals
 * are lagged, and the loaded data backtests with the study's views under the daily drawdown overlay within the
 * limit plus one day's loss, with the crash earned in full and the delisted stock sold and listed.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "raw-admin", roles = "ADMIN")
class DatasetRawPricesIT {

    private static final int TICKERS = 12;
    private static final int DAYS = 700;
    private static final int SPIKE = 400;
    private static final int CRASH = 450;
    private static final int DELISTED_AFTER = 520;

    @Autowired DatasetAdministrationService admin;
    @Autowired DatasetCatalog catalog;
    @Autowired UserRepository users;

    @BeforeEach
    void users() {
        if (!users.existsByUsernameIgnoreCase("raw-admin")) {
            users.save(new AppUser("raw-admin", "Raw admin", "{noop}x", Role.ADMIN, Instant.EPOCH));
        }
    }

    private static LocalDate[] dates() {
        return Arrays.copyOf(TradingCalendar.standard().tradingDays(LocalDate.of(2006, 1, 3),
                LocalDate.of(2010, 12, 31)), DAYS);
    }

    /** A calm stretch, a bear market with a −12 % day for every stock, then a second leg down and a recovery. */
    private static double[][] closes() {
        SplittableRandom rng = new SplittableRandom(17);
        double[][] p = new double[TICKERS][DAYS];
        for (int i = 0; i < TICKERS; i++) {
            p[i][0] = 40 + 3 * i;
        }
        for (int t = 1; t < DAYS; t++) {
            double drift = t < 350 ? 0.0004 : t < 560 ? -0.0025 : t < 620 ? -0.004 : 0.002;
            double market = drift + (t < 350 ? 0.008 : 0.016) * rng.nextGaussian();
            for (int i = 0; i < TICKERS; i++) {
                p[i][t] = p[i][t - 1] * Math.exp(market + 0.01 * rng.nextGaussian()) * (t == CRASH ? 0.88 : 1.0);
            }
        }
        return p;
    }

    private static String csv(double[][] close, LocalDate[] dates) {
        StringBuilder csv = new StringBuilder("date,ticker,open,high,low,close,volume,eps\n");
        for (int t = 0; t < DAYS; t++) {
            for (int i = 0; i < TICKERS; i++) {
                if (i == TICKERS - 1 && t > DELISTED_AFTER) {
                    continue;
                }
                double c = i == 3 && t == SPIKE ? close[i][t] * 10 : close[i][t];
                csv.append(String.format(Locale.ROOT, "%s,R%02d,%.6f,%.6f,%.6f,%.6f,%d,%.2f%n", dates[t], i, c, c, c,
                        c, 10_000, 1.0 + i + t / 63));
            }
        }
        return csv.toString();
    }

    @Test
    void an_imported_panel_keeps_raw_prices_lists_the_spike_lags_eps_and_backtests_within_the_drawdown_limit() {
        double[][] close = closes();
        LocalDate[] dates = dates();
        String text = csv(close, dates);
        DatasetSummary imported = admin.importLongCsv(new ImportRequest("Raw panel", "hand-built", "raw.csv",
                text.length(), CleaningSettings.defaults()), DatasetTestFiles.stream(text),
                ImportProgressListener.none());

        assertThat(imported.priceForm()).isEqualTo("RAW");
        assertThat(imported.reportingLagDays()).isEqualTo(45);
        assertThat(imported.fundamentalsPointInTime()).isFalse();
        assertThat(imported.fundamentalsTiming()).contains("45 calendar days");
        assertThat(imported.priceTreatment()).startsWith("stored as imported");
        MarketData data = catalog.load(imported.id());
        assertThat(data.close()[3][SPIKE]).isCloseTo(close[3][SPIKE] * 10, offset(1e-5));
        assertThat(data.close()[TICKERS - 1][DELISTED_AFTER + 1]).isNaN();
        int firstVisible = 0;
        while (dates[firstVisible].isBefore(dates[0].plusDays(45))) {
            firstVisible++;
        }
        assertThat(data.earningsPerShare()[0][0]).isNaN();
        assertThat(data.earningsPerShare()[0][firstVisible - 1]).isNaN();
        assertThat(data.earningsPerShare()[0][firstVisible]).isEqualTo(1.0);

        DatasetDetail detail = catalog.detail(imported.id());
        assertThat(detail.cleaningReport().pricesAsImported()).isTrue();
        assertThat(detail.cleaningReport().badTicks()).extracting(PriceRepair::ticker, PriceRepair::date)
                .containsExactly(tuple("R03", dates[SPIKE]));

        List<PriceRepair> repairs = BadTickRepair.find(data);
        TradingData views = new TradingData(BadTickRepair.repaired(data, repairs),
                new CausalCleaner(CausalCleaningSettings.defaults()).clean(data).view().close(),
                TradingData.delistingDays(data.close(), data.dayCount()));
        Backtester bt = new Backtester(new Backtester.Settings(RebalanceFrequency.MONTHLY, 10, false, 1.0, 0.02,
                DrawdownOverlaySettings.defaults()));
        BacktestResult r = bt.run("EW", views, 260, DAYS - 1, Backtester.equalWeightPolicy());
        double mdd = -PerformanceMetrics.maxDrawdown(r.returns());
        double worstDay = -Arrays.stream(r.returns()).min().orElseThrow();
        BacktestResult without = r.overlay().withoutOverlay();
        assertThat(-PerformanceMetrics.maxDrawdown(without.returns())).isGreaterThan(0.4);
        assertThat(mdd).as("MDD %.4f vs 0.20 + worst day %.4f", mdd, worstDay).isLessThanOrEqualTo(0.20 + worstDay);
        assertThat(without.returns()[CRASH - 261]).isLessThan(-0.09);
        List<String> sold = new ArrayList<>();
        r.delistings().forEach(d -> sold.add(d.ticker() + "@" + d.lastPriceDate()));
        assertThat(sold).containsExactly("R11@" + dates[DELISTED_AFTER]);
    }

    @Test
    void a_file_declared_point_in_time_keeps_its_fundamentals_on_their_row_dates_whatever_the_lag_field_holds() {
        double[][] close = closes();
        LocalDate[] dates = dates();
        String text = csv(close, dates);
        DatasetSummary imported = admin.importLongCsv(new ImportRequest("Point-in-time panel", "", "pit.csv",
                text.length(), CleaningSettings.defaults(), -1, true),
                DatasetTestFiles.stream(text), ImportProgressListener.none());

        assertThat(imported.reportingLagDays()).isNull();
        assertThat(imported.fundamentalsPointInTime()).isTrue();
        assertThat(imported.fundamentalsTiming()).contains("point-in-time").doesNotContain("lag of");
        MarketData data = catalog.load(imported.id());
        assertThat(data.earningsPerShare()[0][0]).isEqualTo(1.0);
        assertThat(data.earningsPerShare()[5][63]).isEqualTo(7.0);
    }

    @Test
    void a_negative_reporting_lag_is_refused() {
        String text = csv(closes(), dates());
        assertThatThrownBy(() -> admin.importLongCsv(new ImportRequest("Negative lag", "", "neg.csv",
                text.length(), CleaningSettings.defaults(), -1, false), DatasetTestFiles.stream(text),
                ImportProgressListener.none()))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("reporting lag");
    }
}

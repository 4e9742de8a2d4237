package org.factorguard.quant.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.BadTickRepair;
import org.factorguard.quant.data.CausalCleaner;
import org.factorguard.quant.data.CausalCleaningSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.PriceRepair;
import org.factorguard.quant.data.TradingCalendar;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.junit.jupiter.api.Test;

/** Raw P&L with bad-tick repair, cash at the risk-free rate, and delisting, through the {@link Backtester}. */
class BacktestRulesTest {

    private static final int DAYS = 400;

    private static MarketData market(double[][] close) {
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < close.length; i++) {
            instruments.add(new Instrument(String.format("S%02d", i), null, "Industry" + (i % 2)));
        }
        LocalDate[] dates = Arrays.copyOf(TradingCalendar.standard().tradingDays(LocalDate.of(2019, 1, 2),
                LocalDate.of(2022, 12, 30)), close[0].length);
        return MarketData.builder(dates, instruments).close(close).build();
    }

    private static double[][] walks(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = new double[n][DAYS];
        for (int i = 0; i < n; i++) {
            p[i][0] = 30 + i;
        }
        for (int t = 1; t < DAYS; t++) {
            double m = 0.008 * rng.nextGaussian();
            for (int i = 0; i < n; i++) {
                p[i][t] = p[i][t - 1] * Math.exp(m + 0.012 * rng.nextGaussian());
            }
        }
        return p;
    }

    /** The study's views of raw data: P&L with listed bad ticks repaired, decisions on the causal view. */
    private static TradingData studyViews(MarketData raw) {
        List<PriceRepair> repairs = BadTickRepair.find(raw);
        MarketData causal = new CausalCleaner(CausalCleaningSettings.defaults()).clean(raw).view();
        return new TradingData(BadTickRepair.repaired(raw, repairs), causal.close(),
                TradingData.delistingDays(raw.close(), raw.dayCount()));
    }

    @Test
    void a_crash_of_every_stock_survives_unchanged_into_the_equal_weight_pnl() {
        double[][] close = walks(10, 1);
        for (double[] p : close) {
            for (int t = 300; t < DAYS; t++) {
                p[t] *= 0.88;
            }
        }
        MarketData raw = market(close);
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.MONTHLY, 10));
        BacktestResult r = bt.run("EW", studyViews(raw), 260, DAYS - 1, Backtester.equalWeightPolicy());
        int k = 300 - 260 - 1;
        // every stock fell 12 % on top of its own path that day, so the portfolio earns 0.88 × (1 + the same
        // portfolio's return without the crash) − 1: nothing of the crash is clipped or repaired
        BacktestResult reference = bt.run("EW", TradingData.of(market(walks(10, 1))), 260, DAYS - 1,
                Backtester.equalWeightPolicy());
        double expected = 0.88 * (1 + reference.returns()[k]) - 1;
        assertThat(r.returns()[k]).isCloseTo(expected, within(1e-12));
        assertThat(r.returns()[k]).isLessThan(-0.09);
        assertThat(BadTickRepair.find(raw)).isEmpty();
    }

    @Test
    void an_isolated_ten_fold_spike_that_reverts_is_not_earned() {
        double[][] close = walks(10, 2);
        close[3][320] *= 10;
        MarketData raw = market(close);
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.MONTHLY, 10));
        BacktestResult repaired = bt.run("EW", studyViews(raw), 260, DAYS - 1, Backtester.equalWeightPolicy());
        BacktestResult naive = bt.run("EW", TradingData.of(raw), 260, DAYS - 1, Backtester.equalWeightPolicy());
        int k = 320 - 260 - 1;
        assertThat(naive.returns()[k]).isGreaterThan(0.5);
        assertThat(Math.abs(repaired.returns()[k])).isLessThan(0.06);
        assertThat(BadTickRepair.find(raw)).extracting(PriceRepair::ticker).containsExactly("S03");
    }

    @Test
    void cash_earns_the_daily_risk_free_rate_and_sharpe_and_sortino_use_excess_returns() {
        double[][] flat = new double[2][60];
        for (double[] p : flat) {
            Arrays.fill(p, 50);
        }
        Backtester bt = new Backtester(new Backtester.Settings(RebalanceFrequency.MONTHLY, 0, false, 1.0, 0.03, null));
        BacktestResult r = bt.run("half cash", market(flat), 0, 59, ctx -> new double[] {0.25, 0.25});
        double rf = Math.pow(1.03, 1.0 / 252) - 1;
        assertThat(r.returns()[0]).isCloseTo(rf, within(1e-15)); // all cash before the first trade
        assertThat(r.returns()[1]).isCloseTo(0.5 * rf, within(1e-15)); // half held after the first trade
        assertThat(r.dailyRiskFree()).isEqualTo(rf);

        // Reference: python, empyrical's formulas with rf = (1 + 0.03) ** (1 / 252) - 1 (omega_ratio's conversion):
        // ex = r - rf; sharpe = ex.mean() / ex.std(ddof=1) * sqrt(252);
        // sortino = ex.mean() * 252 / (sqrt(mean(minimum(ex, 0) ** 2)) * sqrt(252))
        double[] returns = {0.012, -0.004, 0.007, -0.015, 0.003, 0.009, -0.002, 0.001, -0.008, 0.011, 0.004, -0.006};
        assertThat(Backtester.dailyRiskFree(0.03)).isCloseTo(0.00011730371383444904, within(1e-18));
        var summary = PerformanceMetrics.summarise(returns, Backtester.dailyRiskFree(0.03), Double.NaN, Double.NaN);
        assertThat(summary.sharpe()).isCloseTo(1.692474910607164, within(1e-12));
        assertThat(summary.sortino()).isCloseTo(2.5825136730214258, within(1e-12));
    }

    @Test
    void an_instrument_whose_prices_end_is_sold_at_its_last_price_on_the_next_day_and_listed() {
        double[][] close = walks(2, 3);
        Arrays.fill(close[1], 150, DAYS, Double.NaN);
        MarketData raw = market(close);
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.MONTHLY, 10));
        BacktestResult r = bt.run("EW", TradingData.of(raw), 100, 300, Backtester.equalWeightPolicy());
        assertThat(r.delistings()).singleElement().satisfies(d -> {
            assertThat(d.ticker()).isEqualTo("S01");
            assertThat(d.lastPriceDate()).isEqualTo(raw.dates()[149]);
            assertThat(d.soldOn()).isEqualTo(raw.dates()[150]);
            assertThat(d.weightHeld()).isBetween(0.3, 0.7);
        });
        // fully invested before the sale: S01 earns 0 (its last price carried), S00 earns a; the sale of the
        // drifted weight h costs 10 bps of h, and h becomes cash
        int sale = 150 - 100 - 1;
        double h = r.delistings().get(0).weightHeld();
        double a = close[0][150] / close[0][149] - 1;
        double gross = a * (1 - h) / (1 + h * a);
        assertThat(r.returns()[sale]).isCloseTo((1 + gross) * (1 - 0.001 * h) - 1, within(1e-12));
        assertThat(r.grossExposure()[sale]).isCloseTo(1 - h, within(1e-12));
        assertThat(r.extraTurnover()).isCloseTo(h, within(1e-12));
        assertThat(r.targetWeights()[r.targetWeights().length - 1][1]).isZero();
    }
}

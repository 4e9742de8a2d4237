package org.factorguard.quant.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.data.TradingCalendar;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.junit.jupiter.api.Test;

class DrawdownOverlayTest {

    private static final DrawdownOverlay OVERLAY = new DrawdownOverlay(DrawdownOverlaySettings.defaults());

    @Test
    void the_exposure_covers_m_tail_losses_with_the_cushion() {
        // peak 1, equity 0.9, L = 0.2: cushion 1 − 0.8/0.9 = 1/9 of equity; TL 10 %, m = 2
        assertThat(OVERLAY.targetExposure(0.9, 1.0, 0.10)).isCloseTo((1.0 / 9) / 0.20, within(1e-12));
        assertThat(OVERLAY.targetExposure(1.0, 1.0, 0.04)).isEqualTo(1.0);
        assertThat(OVERLAY.targetExposure(0.8, 1.0, 0.04)).isZero();
        assertThat(OVERLAY.targetExposure(0.7, 1.0, 0.04)).isZero();
        assertThat(OVERLAY.targetExposure(0.85, 1.0, 0.0)).isEqualTo(1.0);
    }

    @Test
    void cuts_act_at_once_and_increases_only_beyond_the_band() {
        assertThat(OVERLAY.nextExposure(0.6, 0.599)).isEqualTo(0.599);
        assertThat(OVERLAY.nextExposure(0.6, 0.64)).isEqualTo(0.6);
        assertThat(OVERLAY.nextExposure(0.6, 0.65)).isEqualTo(0.65);
        assertThat(OVERLAY.nextExposure(0.97, 1.0)).isEqualTo(0.97);
    }

    @Test
    void the_tail_loss_is_the_expected_shortfall_of_the_books_two_day_returns() {
        double[][] close = new double[2][300];
        for (int t = 0; t < 300; t++) {
            close[0][t] = 100 * Math.pow(0.99, t);
            close[1][t] = 100;
        }
        // asset 0 loses 1 % every day: every 2-day return of a book holding 0.5 of it is 0.995² − 1
        double tail = OVERLAY.tailLoss(new double[] {0.5, 0.5}, close, 299);
        assertThat(tail).isCloseTo(1 - 0.995 * 0.995, within(1e-12));
        assertThat(OVERLAY.tailLoss(new double[] {0.0, 0.0}, close, 299)).isZero();
        assertThat(OVERLAY.tailLoss(new double[] {1.0, 0.0}, close, 10)).isZero();
    }

    private static MarketData market(double[][] close) {
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < close.length; i++) {
            instruments.add(new Instrument("S" + i, null, "Industry"));
        }
        LocalDate[] dates = Arrays.copyOf(TradingCalendar.standard().tradingDays(LocalDate.of(2005, 1, 3),
                LocalDate.of(2012, 12, 31)), close[0].length);
        return MarketData.builder(dates, instruments).close(close).build();
    }

    /** A calm year, a grinding bear market with a −12 % gap day, a second leg down, then a recovery. */
    private static double[][] crashPath() {
        SplittableRandom rng = new SplittableRandom(9);
        int days = 900;
        double[][] p = new double[5][days];
        for (int i = 0; i < 5; i++) {
            p[i][0] = 50;
        }
        for (int t = 1; t < days; t++) {
            double drift = t < 300 ? 0.0004 : t < 500 ? -0.003 : t < 600 ? 0.0 : t < 700 ? -0.004 : 0.002;
            double vol = t < 300 ? 0.008 : 0.018;
            double market = drift + vol * rng.nextGaussian() + (t == 420 ? Math.log(0.88) : 0);
            for (int i = 0; i < 5; i++) {
                p[i][t] = p[i][t - 1] * Math.exp(market + 0.005 * rng.nextGaussian());
            }
        }
        return p;
    }

    private static void assertLimitHolds(BacktestResult r, double limit) {
        double mdd = -PerformanceMetrics.maxDrawdown(r.returns());
        double worstDay = -Arrays.stream(r.returns()).min().orElseThrow();
        assertThat(mdd).as("realised MDD %.4f vs limit %.2f + worst day %.4f", mdd, limit, worstDay)
                .isLessThanOrEqualTo(limit + worstDay);
    }

    @Test
    void on_a_hand_built_crash_path_the_realised_drawdown_stays_within_the_limit_plus_one_days_loss() {
        MarketData data = market(crashPath());
        Backtester bt = new Backtester(new Backtester.Settings(RebalanceFrequency.MONTHLY, 10, false, 1.0, 0.0,
                DrawdownOverlaySettings.defaults()));
        BacktestResult r = bt.run("EW", data, 260, 899, Backtester.equalWeightPolicy());
        BacktestResult without = r.overlay().withoutOverlay();
        assertThat(PerformanceMetrics.maxDrawdown(without.returns())).isLessThan(-0.5);
        assertLimitHolds(r, 0.20);
        assertThat(r.overlay().actedDays()).isNotEmpty();
        assertThat(r.overlay().actedDates()).hasSize(r.overlay().actedDays().length);
        double[] exposure = r.overlay().exposure();
        assertThat(Arrays.stream(exposure).min().orElseThrow()).isLessThan(0.2);
        assertThat(exposure[0]).isEqualTo(1.0);
        // the traded portfolio always holds x times the book
        for (int k = 0; k < exposure.length; k++) {
            assertThat(r.grossExposure()[k]).isCloseTo(exposure[k] * without.grossExposure()[k], within(1e-9));
        }
        assertThat(without.decisionDays()).containsExactly(r.decisionDays());
    }

    @Test
    void on_the_built_in_market_the_realised_drawdown_stays_within_the_limit_plus_one_days_loss() {
        MarketData data = SyntheticMarket.generateDefault();
        Backtester bt = new Backtester(new Backtester.Settings(RebalanceFrequency.MONTHLY, 10, false, 1.0, 0.0,
                DrawdownOverlaySettings.defaults()));
        int end = data.dayCount() - 1;
        BacktestResult equalWeight = bt.run("EW", data, 504, end, Backtester.equalWeightPolicy());
        // the book alone breaches the limit, so the overlay has something to hold
        assertThat(PerformanceMetrics.maxDrawdown(equalWeight.overlay().withoutOverlay().returns())).isLessThan(-0.2);
        assertThat(equalWeight.overlay().actedDays()).isNotEmpty();
        assertThat(PerformanceMetrics.maxDrawdown(equalWeight.returns()))
                .isGreaterThan(PerformanceMetrics.maxDrawdown(equalWeight.overlay().withoutOverlay().returns()));
        assertLimitHolds(equalWeight, 0.20);
        BacktestResult momentum = bt.run("Top-20 momentum", data, 504, end, context -> {
            int n = context.instrumentCount();
            Integer[] order = new Integer[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                score[i] = context.close(i, context.day()) / context.close(i, context.day() - 120);
            }
            Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
            double[] w = new double[n];
            for (int k = 0; k < 20; k++) {
                w[order[k]] = 0.05;
            }
            return w;
        });
        assertLimitHolds(momentum, 0.20);
    }
}

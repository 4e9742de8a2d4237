package org.factorguard.quant.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.risk.LedoitWolfCovariance;
import org.junit.jupiter.api.Test;

class RiskConstrainedPolicyTest {

    @Test
    void predictions_become_capped_weights_and_a_crash_cuts_exposure() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 8;
        int days = 200;
        double[][] close = new double[n][days];
        List<Instrument> instruments = new ArrayList<>();
        LocalDate[] dates = new LocalDate[days];
        for (int d = 0; d < days; d++) {
            dates[d] = LocalDate.of(2023, 1, 2).plusDays(d);
        }
        for (int i = 0; i < n; i++) {
            instruments.add(new Instrument("T" + i, null, i < 4 ? "Energy" : "Tech"));
            close[i][0] = 100;
            for (int d = 1; d < days; d++) {
                double drift = d >= 120 && d < 140 ? -0.02 : 0.0005; // a crash from day 120
                close[i][d] = close[i][d - 1] * (1 + drift + 0.01 * random.nextGaussian());
            }
        }
        MarketData data = MarketData.builder(dates, instruments).close(close).build();
        float[][] predictions = new float[days][n];
        for (float[] row : predictions) {
            for (int i = 0; i < n; i++) {
                row[i] = (float) (0.001 * random.nextGaussian());
            }
        }
        AllocationSettings settings = AllocationSettings.defaults().withMaxWeight(0.3)
                .withIndustryCaps(java.util.Map.of("Energy", 0.6), Double.NaN).withRiskLimits(0.5, 0.05);
        RiskConstrainedPolicy policy = new RiskConstrainedPolicy(predictions, new LedoitWolfCovariance(), 60, settings,
                new DrawdownControl(DrawdownControlSettings.defaults()));
        BacktestResult r = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.WEEKLY, 10))
                .run("policy", data, 60, days - 1, policy);
        assertThat(policy.results()).hasSize(r.decisionDays().length).allMatch(AllocationResult::feasible);
        for (double[] w : r.targetWeights()) {
            double energy = 0;
            for (int i = 0; i < n; i++) {
                assertThat(w[i]).isBetween(-1e-9, 0.3 + 1e-6);
                energy += i < 4 ? w[i] : 0;
            }
            assertThat(energy).isLessThanOrEqualTo(0.6 + 1e-6);
        }
        double minExposure = policy.results().stream().mapToDouble(AllocationResult::netExposure).min().orElseThrow();
        assertThat(minExposure).isLessThan(0.9);
        assertThat(java.util.Arrays.stream(r.drawdown()).min().orElseThrow()).isLessThan(-0.1);
    }
}

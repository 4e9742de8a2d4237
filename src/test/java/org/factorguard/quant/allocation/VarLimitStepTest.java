package org.factorguard.quant.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.factorguard.quant.risk.LedoitWolfCovariance;
import org.factorguard.quant.risk.PortfolioValueAtRisk;
import org.junit.jupiter.api.Test;

class VarLimitStepTest {

    private static final int ASSETS = 5;
    private static final double LIMIT = 0.03;

    /**
     * 120 days of five stocks: quiet days with 0.6 % idiosyncratic noise and, every 15th day, a market crash of
     * about −4.5 % in all of them. The crashes are 6.7 % of the days, so the 5th percentile of any long book is a
     * crash day, while the standard deviation (about 1.2 % a day, 19 % a year) keeps the Gaussian VaR near 2 %.
     */
    private static double[][] crashWindow(double crash) {
        SplittableRandom random = new SplittableRandom(42);
        double[][] r = new double[120][ASSETS];
        for (int t = 0; t < r.length; t++) {
            boolean crashDay = t % 15 == 7;
            for (int i = 0; i < ASSETS; i++) {
                r[t][i] = (crashDay ? crash : 0.0008) + 0.006 * random.nextGaussian();
            }
        }
        return r;
    }

    private static AllocationResult allocate(AllocationSettings settings, double[][] window) {
        String[] tickers = {"A", "B", "C", "D", "E"};
        String[] industries = {"X", "X", "Y", "Y", "Z"};
        double[] mu = {0.0006, 0.0005, 0.0004, 0.0005, 0.0003};
        return new RiskConstrainedAllocator(settings)
                .allocate(new AllocationProblem(tickers, industries, mu, new LedoitWolfCovariance().estimate(window)));
    }

    private static AllocationSettings settings(VarModel model) {
        return AllocationSettings.defaults().withMaxWeight(0.4).withRiskLimits(0.25, LIMIT)
                .withCovarianceModel(CovarianceModel.LEDOIT_WOLF).withVarModel(model);
    }

    @Test
    void historical_var_binds_where_the_gaussian_var_under_the_volatility_limit_passes_and_the_scaled_book_meets_it() {
        double[][] window = crashWindow(-0.045);
        AllocationResult qp = allocate(settings(VarModel.HISTORICAL), window);
        assertThat(qp.feasible()).isTrue();
        assertThat(qp.netExposure()).isCloseTo(1.0, within(1e-6));
        // the program's own limits hold with room to spare: the Gaussian VaR cannot see the crashes
        assertThat(qp.exAnteAnnualVolatility()).isLessThan(0.25);
        assertThat(qp.exAnteDailyVar95()).isLessThan(LIMIT);
        assertThat(qp.bindingConstraints()).doesNotContain("VaR limit", "volatility limit");
        double before = PortfolioValueAtRisk.historical(qp.weights(), window, 0.95);
        assertThat(-before).isGreaterThan(0.04);

        VarLimitStep.Outcome out = VarLimitStep.of(settings(VarModel.HISTORICAL)).apply(qp, window);

        assertThat(out.bound()).isTrue();
        double[] w = out.result().weights();
        double after = PortfolioValueAtRisk.historical(w, window, 0.95);
        assertThat(-after).isLessThanOrEqualTo(LIMIT).isCloseTo(LIMIT, within(1e-7));
        assertThat(out.valueAtRisk()).isCloseTo(after, within(1e-12));
        assertThat(out.scale()).isCloseTo(LIMIT / -before, within(1e-6));
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).isCloseTo(out.scale() * qp.weights()[i], within(1e-12));
        }
        assertThat(out.result().netExposure()).isCloseTo(out.scale(), within(1e-6));
        assertThat(out.result().bindingConstraints())
                .contains("VaR limit (historical simulation)", "exposure scaled into cash");
        assertThat(out.result().message()).contains("historical one-day VaR");
    }

    @Test
    void cornish_fisher_var_binds_on_deeper_crashes_and_the_scaled_book_meets_the_limit() {
        // its expansion in skewness and kurtosis reaches only about 2.2 standard deviations on rare discrete
        // crashes, so it needs deeper ones than historical simulation to bind (no volatility limit here)
        double[][] window = crashWindow(-0.06);
        AllocationSettings settings = settings(VarModel.CORNISH_FISHER).withRiskLimits(Double.NaN, LIMIT);
        AllocationResult qp = allocate(settings, window);
        assertThat(qp.exAnteDailyVar95()).isLessThan(LIMIT);
        assertThat(-PortfolioValueAtRisk.cornishFisher(qp.weights(), window, 0.95)).isGreaterThan(LIMIT);

        VarLimitStep.Outcome out = VarLimitStep.of(settings).apply(qp, window);

        assertThat(out.bound()).isTrue();
        assertThat(-PortfolioValueAtRisk.cornishFisher(out.result().weights(), window, 0.95))
                .isLessThanOrEqualTo(LIMIT).isCloseTo(LIMIT, within(1e-7));
        assertThat(out.result().bindingConstraints()).contains("VaR limit (Cornish–Fisher)");
    }

    @Test
    void a_book_within_the_limit_is_left_alone() {
        double[][] window = crashWindow(-0.02);
        AllocationResult qp = allocate(settings(VarModel.HISTORICAL), window);

        VarLimitStep.Outcome out = VarLimitStep.of(settings(VarModel.HISTORICAL)).apply(qp, window);

        assertThat(-out.valueAtRisk()).isLessThan(LIMIT);
        assertThat(out.bound()).isFalse();
        assertThat(out.scale()).isEqualTo(1.0);
        assertThat(out.result()).isSameAs(qp);
    }

    @Test
    void the_parametric_setting_of_older_configs_never_scales() {
        double[][] window = crashWindow(-0.045);
        AllocationResult qp = allocate(settings(VarModel.PARAMETRIC), window);

        VarLimitStep.Outcome out = VarLimitStep.of(settings(VarModel.PARAMETRIC)).apply(qp, window);

        assertThat(out.bound()).isFalse();
        assertThat(out.result()).isSameAs(qp);
    }

    @Test
    void settings_without_the_new_components_mean_ledoit_wolf_and_the_parametric_var() {
        AllocationSettings old = new AllocationSettings(10.0, 1.0, 0.2, false, Double.NaN, java.util.Map.of(),
                Double.NaN, 0.25, 0.03, true);

        assertThat(old.covarianceModel()).isEqualTo(CovarianceModel.LEDOIT_WOLF);
        assertThat(old.varModel()).isEqualTo(VarModel.PARAMETRIC);
        assertThat(AllocationSettings.defaults().varModel()).isEqualTo(VarModel.HISTORICAL);
    }
}

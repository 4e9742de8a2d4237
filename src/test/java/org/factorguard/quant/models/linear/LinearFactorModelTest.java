package org.factorguard.quant.models.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.SyntheticFactorData;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;

class LinearFactorModelTest {

    private static final double[] BETA = {0.010, -0.006, 0.002};
    private static final double ALPHA = 0.0005;
    private static final double NOISE = 0.01;

    private final SyntheticFactorData data = SyntheticFactorData.generate(3, 260, 50,
            (x, t, i) -> ALPHA + BETA[0] * x[0][t][i] + BETA[1] * x[1][t][i] + BETA[2] * x[2][t][i], NOISE, 3L);
    private final FactorPanel panel = data.panel();
    private final double[][] labels = data.labels(1);
    private final WalkForwardSplit split = WalkForwardSplit.withoutValidation(0, 200, 201, 259, 1, 1, 0);

    private LinearFit fit(LinearModelSettings settings) {
        return new LinearFactorModel(settings).fit(panel, labels, split, TrainingListener.NONE,
                CancellationToken.NEVER).fit();
    }

    @Test
    void ols_recovers_known_betas_on_synthetic_linear_data() {
        LinearFit fit = fit(new LinearModelSettings(0, FeatureScaling.none()));

        assertThat(fit.observations()).isEqualTo(200 * 50);
        // x ~ N(0,1): SE(β) ≈ σ/√n = 0.01/100 = 1e-4; allow 4 standard errors
        for (int k = 0; k < 3; k++) {
            assertThat(fit.beta()[k]).isCloseTo(BETA[k], within(4e-4));
            assertThat(fit.betaStandardErrors()[k]).isCloseTo(NOISE / Math.sqrt(10_000), within(2e-5));
            assertThat(Math.abs(fit.betaTValues()[k])).isGreaterThan(10);
        }
        assertThat(fit.alpha()).isCloseTo(ALPHA, within(4e-4));
        assertThat(fit.residualVariance()).isCloseTo(NOISE * NOISE, within(1e-5));
        // R² = Σβ² / (Σβ² + σ²) = 1.4e-4 / 2.4e-4
        assertThat(fit.rSquared()).isCloseTo(1.4 / 2.4, within(0.03));
        assertThat(fit.adjustedRSquared()).isLessThan(fit.rSquared());
    }

    @Test
    void ols_matches_a_hand_checked_simple_regression() {
        // y = 1 + 2x + e with e = (0.1, −0.1, −0.1, 0.1) on x = (0, 1, 2, 3)
        double[] x = {0, 1, 2, 3};
        double[] e = {0.1, -0.1, -0.1, 0.1};
        float[][][] values = new float[1][4][1];
        double[][] y = new double[4][1];
        for (int t = 0; t < 4; t++) {
            values[0][t][0] = (float) x[t];
            y[t][0] = 1 + 2 * x[t] + e[t];
        }
        LocalDate[] dates = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3),
                LocalDate.of(2024, 1, 4)};
        FactorPanel tiny = new FactorPanel(List.of("x"), dates, List.of("A"), values, true);
        // e is orthogonal to 1 and x, so the fit is exactly α = 1, β = 2 with RSS = 0.04, σ² = 0.04/2,
        // SE(β) = √(σ²/Sxx) = √(0.02/5), SE(α) = √(σ²(1/n + x̄²/Sxx)) = √(0.02·(0.25 + 2.25/5))
        LinearFit fit = new LinearFactorModel(new LinearModelSettings(0, FeatureScaling.none()))
                .fit(tiny, y, WalkForwardSplit.withoutValidation(0, 4, 5, 6, 1, 1, 0), TrainingListener.NONE,
                        CancellationToken.NEVER).fit();

        assertThat(fit.alpha()).isCloseTo(1, within(1e-9));
        assertThat(fit.beta()[0]).isCloseTo(2, within(1e-9));
        assertThat(fit.residualVariance()).isCloseTo(0.02, within(1e-9));
        assertThat(fit.betaStandardErrors()[0]).isCloseTo(Math.sqrt(0.02 / 5), within(1e-9));
        assertThat(fit.alphaStandardError()).isCloseTo(Math.sqrt(0.02 * (0.25 + 2.25 / 5)), within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1 - 0.04 / 20.04, within(1e-9));
    }

    @Test
    void ridge_with_a_vanishing_penalty_equals_ols() {
        LinearFit ols = fit(new LinearModelSettings(0, FeatureScaling.none()));
        LinearFit ridge = fit(new LinearModelSettings(1e-12, FeatureScaling.none()));

        for (int k = 0; k < 3; k++) {
            assertThat(ridge.beta()[k]).isCloseTo(ols.beta()[k], within(1e-9));
            assertThat(ridge.betaStandardErrors()[k]).isCloseTo(ols.betaStandardErrors()[k], within(1e-8));
        }
        assertThat(ridge.alpha()).isCloseTo(ols.alpha(), within(1e-9));
        assertThat(ridge.alphaStandardError()).isCloseTo(ols.alphaStandardError(), within(1e-8));
        assertThat(ridge.rSquared()).isCloseTo(ols.rSquared(), within(1e-9));
    }

    @Test
    void ridge_shrinks_the_slopes_towards_zero() {
        LinearFit ols = fit(new LinearModelSettings(0, FeatureScaling.none()));
        LinearFit mild = fit(new LinearModelSettings(0.5, FeatureScaling.none()));
        LinearFit strong = fit(new LinearModelSettings(100, FeatureScaling.none()));

        // independent unit-variance factors: β_ridge ≈ β_ols / (1 + λ)
        for (int k = 0; k < 3; k++) {
            assertThat(mild.beta()[k]).isCloseTo(ols.beta()[k] / 1.5, within(5e-5));
            assertThat(Math.abs(strong.beta()[k])).isLessThan(Math.abs(mild.beta()[k]));
        }
        assertThat(strong.rSquared()).isLessThan(mild.rSquared()).isLessThan(ols.rSquared());
        assertThat(mild.ridgeLambda()).isEqualTo(0.5);
    }

    @Test
    void predictions_use_the_fitted_coefficients_on_scaled_factors() {
        var fitted = new LinearFactorModel(LinearModelSettings.defaults())
                .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
        float[][] predicted = fitted.predict(panel, 210, 212);
        LinearFit fit = fitted.fit();

        double expected = fit.alpha();
        for (int k = 0; k < 3; k++) {
            expected += fit.beta()[k] * fitted.scaler().apply(k, panel.value(k, 211, 7));
        }
        assertThat(predicted[1][7]).isCloseTo((float) expected, within(1e-7f));
    }
}

package org.factorguard.quant.allocation.qp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.factorguard.quant.allocation.qp.QpTestProblems.Estimate;
import org.factorguard.quant.allocation.qp.QpTestProblems.Spec;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.junit.jupiter.api.Test;

class ActiveSetMeanVarianceQpTest {

    private final MeanVarianceQp solver = new ActiveSetMeanVarianceQp();

    private static double sum(double[] w) {
        return Arrays.stream(w).sum();
    }

    @Test
    void random_problems_meet_the_kkt_conditions_and_every_constraint() {
        SplittableRandom random = new SplittableRandom(2025);
        int checked = 0;
        for (int c = 0; c < 400; c++) {
            Spec spec = QpTestProblems.randomSpec(random, 5, 120, random.nextBoolean(), 1000 + c);
            MeanVarianceProblem p = QpTestProblems.problem(spec);
            double gamma = QpTestProblems.randomGamma(random);
            QpSolution s = solver.solve(p, gamma, null);
            assertThat(s.status()).as(spec.toString()).isEqualTo(QpSolution.Status.OPTIMAL);
            assertThat(p.constraintViolation(s.weights())).as(spec.toString()).isLessThanOrEqualTo(1e-12);
            // a singular Σ plus the 1e-9 ridge has a condition number near 1e10: its solves lose digits
            double tolerance = spec.estimate() == Estimate.LEDOIT_WOLF ? 1e-9 : 1e-5;
            assertThat(QpTestProblems.kktViolation(p, gamma, s)).as(spec.toString()).isLessThanOrEqualTo(tolerance);
            checked++;
        }
        assertThat(checked).isEqualTo(400);
    }

    @Test
    void a_warm_start_from_the_previous_risk_aversion_reaches_the_cold_answer_in_fewer_iterations() {
        for (boolean longShort : new boolean[] {false, true}) {
            Spec spec = new Spec(200, 252, longShort, 0.02, 1.6, 0.3, Estimate.LEDOIT_WOLF, true, 77);
            MeanVarianceProblem p = QpTestProblems.problem(spec);
            QpWarmStart warm = null;
            int coldIterations = 0;
            int warmIterations = 0;
            for (double gamma = 2; gamma < 5000; gamma *= 2.5) {
                QpSolution cold = solver.solve(p, gamma, null);
                QpSolution hot = solver.solve(p, gamma, warm);
                assertThat(hot.optimal()).isTrue();
                assertThat(hot.objective()).as("γ %s", gamma)
                        .isCloseTo(cold.objective(), within(1e-12 * QpTestProblems.objectiveScale(p, gamma,
                                cold.weights())));
                coldIterations += cold.iterations();
                warmIterations += hot.iterations();
                warm = hot.warmStart();
            }
            assertThat(warmIterations).as("long-short %s", longShort).isLessThan(coldIterations / 2);
        }
    }

    @Test
    void a_warm_start_that_breaks_the_new_constraints_is_repaired_and_reaches_the_cold_answer() {
        Spec loose = new Spec(80, 120, false, 0.10, 1.6, Double.NaN, Estimate.LEDOIT_WOLF, true, 5);
        Spec tight = new Spec(80, 120, false, 0.03, 1.6, 0.2, Estimate.LEDOIT_WOLF, true, 5);
        QpSolution previous = solver.solve(QpTestProblems.problem(loose), 5, null);
        MeanVarianceProblem p = QpTestProblems.problem(tight);
        assertThat(p.constraintViolation(previous.weights())).isGreaterThan(0.01);
        QpSolution warm = solver.solve(p, 5, previous.warmStart());
        QpSolution cold = solver.solve(p, 5, null);
        assertThat(warm.optimal()).isTrue();
        assertThat(p.constraintViolation(warm.weights())).isLessThanOrEqualTo(1e-12);
        assertThat(warm.objective()).isCloseTo(cold.objective(), within(1e-12));
        // weights of another size (a different universe) are ignored
        QpSolution other = solver.solve(p, 5, QpWarmStart.ofWeights(new double[3]));
        assertThat(other.objective()).isCloseTo(cold.objective(), within(1e-12));
    }

    @Test
    void dense_and_factored_covariance_give_the_same_portfolio() {
        for (boolean longShort : new boolean[] {false, true}) {
            Spec factored = new Spec(60, 40, longShort, 0.05, 1.4, 0.3, Estimate.LEDOIT_WOLF, true, 11);
            Spec dense = new Spec(60, 40, longShort, 0.05, 1.4, 0.3, Estimate.LEDOIT_WOLF, false, 11);
            double[] a = solver.solve(QpTestProblems.problem(factored), 20, null).weights();
            double[] b = solver.solve(QpTestProblems.problem(dense), 20, null).weights();
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(b[i], within(1e-10));
            }
        }
    }

    @Test
    void equal_expected_returns_give_the_minimum_variance_portfolio_at_every_risk_aversion() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 30;
        double[][] cov = new org.factorguard.quant.risk.LedoitWolfCovariance()
                .estimate(QpTestProblems.returns(random, n, 80));
        double[] mu = new double[n];
        Arrays.fill(mu, 4e-4);
        MeanVarianceProblem p = MeanVarianceProblem.builder(mu, CovarianceMatrix.dense(cov)).longOnly(0.08).build();
        QpSolution low = solver.solve(p, 0.5, null);
        QpSolution high = solver.solve(p, 5000, null);
        for (int i = 0; i < n; i++) {
            assertThat(low.weights()[i]).isCloseTo(high.weights()[i], within(1e-9));
        }
        assertThat(QpTestProblems.kktViolation(p, 0.5, low)).isLessThanOrEqualTo(1e-9);
        // no equal-weight portfolio risk is lower than the minimum-variance one
        double[] equal = new double[n];
        Arrays.fill(equal, 1.0 / n);
        assertThat(p.covariance().quadraticForm(low.weights())).isLessThan(p.covariance().quadraticForm(equal));
    }

    @Test
    void one_asset_holds_the_whole_exposure_or_is_infeasible() {
        double[][] cov = {{4e-4}};
        MeanVarianceProblem longOnly = MeanVarianceProblem.builder(new double[] {1e-3}, CovarianceMatrix.dense(cov))
                .exposure(0.7).longOnly(1.0).build();
        QpSolution s = solver.solve(longOnly, 10, null);
        assertThat(s.optimal()).isTrue();
        assertThat(s.weights()[0]).isCloseTo(0.7, within(1e-15));
        assertThat(s.objective()).isCloseTo(1e-3 * 0.7 - 5 * 4e-4 * 0.49, within(1e-15));
        MeanVarianceProblem longShort = MeanVarianceProblem.builder(new double[] {-1e-3}, CovarianceMatrix.dense(cov))
                .exposure(-0.5).longShort(1.0, 1.0).build();
        assertThat(solver.solve(longShort, 10, null).weights()[0]).isCloseTo(-0.5, within(1e-15));
        MeanVarianceProblem capped = MeanVarianceProblem.builder(new double[] {1e-3}, CovarianceMatrix.dense(cov))
                .longOnly(0.5).build();
        assertThat(solver.solve(capped, 10, null).status()).isEqualTo(QpSolution.Status.INFEASIBLE);
    }

    @Test
    void caps_that_sum_exactly_to_the_exposure_hold_every_asset_at_its_cap() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 50;
        double[][] r = QpTestProblems.returns(random, n, 100);
        CovarianceMatrix cov = new org.factorguard.quant.risk.FactoredLedoitWolfCovariance().estimateFactored(r);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 1e-3 * random.nextGaussian();
        }
        String[] industries = new String[n];
        for (int i = 0; i < n; i++) {
            industries[i] = i < 10 ? "A" : "B";
        }
        // 50 × 2 % = 100 %, and industry A's cap equals its ten members' caps
        MeanVarianceProblem p = MeanVarianceProblem.builder(mu, cov).longOnly(0.02)
                .industryCaps(industries, name -> name.equals("A") ? 0.2 : Double.NaN).build();
        QpSolution s = solver.solve(p, 10, null);
        assertThat(s.optimal()).isTrue();
        for (double v : s.weights()) {
            assertThat(v).isCloseTo(0.02, within(1e-12));
        }
        assertThat(QpTestProblems.kktViolation(p, 10, s)).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void infeasible_settings_are_reported_not_thrown() {
        double[][] cov = new double[4][4];
        for (int i = 0; i < 4; i++) {
            cov[i][i] = 1e-4;
        }
        double[] mu = {1e-3, 2e-3, 0, -1e-3};
        String[] industries = {"A", "A", "B", "B"};
        CovarianceMatrix sigma = CovarianceMatrix.dense(cov);
        MeanVarianceProblem[] infeasible = {
                MeanVarianceProblem.builder(mu, sigma).longOnly(0.2).build(),
                MeanVarianceProblem.builder(mu, sigma).longOnly(0.5).industryCaps(industries, k -> 0.4).build(),
                MeanVarianceProblem.builder(mu, sigma).exposure(-0.5).longOnly(0.5).build(),
                MeanVarianceProblem.builder(mu, sigma).exposure(1.0).longShort(0.5, 0.8).build(),
                MeanVarianceProblem.builder(mu, sigma).longOnly(0.5).industryCaps(industries, k -> -0.1).build(),
        };
        for (MeanVarianceProblem p : infeasible) {
            QpSolution s = solver.solve(p, 10, null);
            assertThat(s.status()).isEqualTo(QpSolution.Status.INFEASIBLE);
            assertThat(s.message()).startsWith("infeasible: ");
            assertThat(s.weights()).containsOnly(0.0);
        }
        assertThat(infeasible[0].linearInfeasibility()).contains("80.00 %").contains("100.00 %");
        assertThat(infeasible[3].linearInfeasibility()).contains("gross limit 80.00 %");
    }

    @Test
    void assets_without_a_finite_return_or_variance_keep_a_zero_weight() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 12;
        double[][] cov = new org.factorguard.quant.risk.LedoitWolfCovariance()
                .estimate(QpTestProblems.returns(random, n, 60));
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 1e-3 * (n - i);
        }
        mu[0] = Double.NaN; // the best asset has no prediction
        cov[1][1] = Double.NaN;
        cov[2][5] = Double.NaN;
        MeanVarianceProblem p = MeanVarianceProblem.builder(mu, CovarianceMatrix.dense(cov)).longOnly(0.3).build();
        QpSolution s = solver.solve(p, 3, null);
        assertThat(s.weights()[0]).isZero();
        assertThat(s.weights()[1]).isZero();
        assertThat(sum(s.weights())).isCloseTo(1.0, within(1e-12));
        assertThat(Double.isFinite(s.objective())).isTrue();
    }

    @Test
    void a_binding_gross_limit_has_a_positive_multiplier_and_is_met_exactly() {
        Spec spec = new Spec(40, 120, true, 0.2, 1.2, Double.NaN, Estimate.LEDOIT_WOLF, true, 21);
        MeanVarianceProblem p = QpTestProblems.problem(spec);
        QpSolution s = solver.solve(p, 1.0, null);
        double gross = Arrays.stream(s.weights()).map(Math::abs).sum();
        assertThat(gross).isCloseTo(1.2, within(1e-12));
        assertThat(s.grossMultiplier()).isGreaterThan(0.0);
        assertThat(Arrays.stream(s.weights()).filter(v -> v < -1e-9).count()).isPositive();
        assertThat(QpTestProblems.kktViolation(p, 1.0, s)).isLessThanOrEqualTo(1e-9);
    }
}

package org.factorguard.quant.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.factorguard.quant.risk.LedoitWolfCovariance;
import org.junit.jupiter.api.Test;

class RiskConstrainedAllocatorTest {

    private static final double TOL = 1e-6;
    private static final String[] SECTORS = {"Energy", "Tech", "Health", "Finance"};

    /** A random problem: factor-driven daily returns, Ledoit–Wolf covariance, noisy expected returns. */
    private static AllocationProblem randomProblem(SplittableRandom random, int n) {
        int days = 120;
        double[][] r = new double[days][n];
        double[] beta = new double[n];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + random.nextDouble();
            idio[i] = 0.005 + 0.02 * random.nextDouble();
        }
        for (int t = 0; t < days; t++) {
            double m = 0.01 * random.nextGaussian();
            for (int i = 0; i < n; i++) {
                r[t][i] = beta[i] * m + idio[i] * random.nextGaussian();
            }
        }
        String[] tickers = new String[n];
        String[] industries = new String[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            tickers[i] = "A" + i;
            industries[i] = SECTORS[i % SECTORS.length];
            mu[i] = 0.001 * random.nextGaussian();
        }
        return new AllocationProblem(tickers, industries, mu, new LedoitWolfCovariance().estimate(r));
    }

    private static double variance(double[][] cov, double[] w) {
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                v += w[i] * cov[i][j] * w[j];
            }
        }
        return v;
    }

    private static void assertAllConstraintsHold(AllocationProblem p, AllocationSettings s, AllocationResult res) {
        double[] w = res.weights();
        double sum = 0;
        double gross = 0;
        Map<String, Double> industry = new HashMap<>();
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).isLessThanOrEqualTo(s.maxWeight() + TOL);
            assertThat(w[i]).isGreaterThanOrEqualTo(s.longShort() ? -s.maxWeight() - TOL : -TOL);
            sum += w[i];
            gross += Math.abs(w[i]);
            industry.merge(p.industries()[i], w[i], Double::sum);
        }
        if (res.bindingConstraints().contains("exposure scaled into cash")) {
            assertThat(sum).isLessThanOrEqualTo(s.exposure() + TOL);
        } else {
            assertThat(sum).isCloseTo(s.exposure(), within(TOL));
        }
        if (s.longShort()) {
            assertThat(gross).isLessThanOrEqualTo(s.grossLimit() + TOL);
        }
        industry.forEach((k, v) -> {
            double cap = s.industryCap(k);
            if (Double.isFinite(cap)) {
                assertThat(Math.abs(v)).as("industry %s", k).isLessThanOrEqualTo(cap + TOL);
            }
        });
        double var = variance(p.covariance(), w);
        double vol = Math.sqrt(252 * var);
        double mu = 0;
        for (int i = 0; i < w.length; i++) {
            mu += p.expectedReturns()[i] * w[i];
        }
        double valueAtRisk = -(mu - RiskConstrainedAllocator.Z_95 * Math.sqrt(var));
        assertThat(vol).isLessThanOrEqualTo(s.maxAnnualVolatility() + TOL);
        assertThat(RiskConstrainedAllocator.Z_95).isCloseTo(1.645, within(2e-4));
        assertThat(valueAtRisk).isLessThanOrEqualTo(s.maxDailyVar95() + TOL);
        assertThat(res.exAnteAnnualVolatility()).isCloseTo(vol, within(1e-9));
    }

    @Test
    void allocation_respects_every_constraint_on_fifty_random_problems() {
        SplittableRandom random = new SplittableRandom(20250101L);
        int feasible = 0;
        int volatilityBinding = 0;
        for (int k = 0; k < 50; k++) {
            int n = 10 + random.nextInt(21);
            AllocationProblem p = randomProblem(random, n);
            AllocationSettings s = AllocationSettings.defaults()
                    .withRiskAversion(1 + 20 * random.nextDouble())
                    .withMaxWeight(0.10 + 0.2 * random.nextDouble())
                    .withIndustryCaps(Map.of("Energy", 0.30 + 0.2 * random.nextDouble()), 0.45)
                    .withRiskLimits(0.08 + 0.15 * random.nextDouble(), 0.008 + 0.01 * random.nextDouble())
                    .withAllowCash(random.nextBoolean());
            if (k % 5 == 4) {
                s = s.withLongShort(1.6).withExposure(random.nextBoolean() ? 0.0 : 1.0);
            }
            AllocationResult res = new RiskConstrainedAllocator(s).allocate(p);
            if (res.feasible()) {
                feasible++;
                assertAllConstraintsHold(p, s, res);
                if (res.bindingConstraints().contains("volatility limit")) {
                    volatilityBinding++;
                }
            } else {
                assertThat(res.message()).startsWith("infeasible: ");
                assertThat(res.weights()).containsOnly(0.0);
            }
        }
        assertThat(feasible).isGreaterThanOrEqualTo(30);
        assertThat(volatilityBinding).isGreaterThan(0);
    }

    @Test
    void unconstrained_risk_gives_the_textbook_two_asset_solution() {
        // uncorrelated assets, variances 0.0004 and 0.0001, μ = 0.002 and 0.001, γ = 10, Σw = 1, caps 1:
        // stationarity μ_i − γσ_i²w_i = λ → w1 = (0.002 − λ)/0.004, w2 = (0.001 − λ)/0.001, w1 + w2 = 1
        // → λ = 0.0008/1.25·… solved: 0.5 − 250λ + 1 − 1000λ = 1 → λ = 0.0004, w1 = 0.4, w2 = 0.6
        AllocationProblem p = new AllocationProblem(new String[] {"X", "Y"}, new String[] {"I", "I"},
                new double[] {0.002, 0.001}, new double[][] {{0.0004, 0}, {0, 0.0001}});
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(1.0).withRiskLimits(Double.NaN, Double.NaN)
                .withRiskAversion(10);
        AllocationResult res = new RiskConstrainedAllocator(s).allocate(p);
        assertThat(res.feasible()).isTrue();
        assertThat(res.weights()[0]).isCloseTo(0.4, within(1e-6));
        assertThat(res.weights()[1]).isCloseTo(0.6, within(1e-6));
        assertThat(res.bindingConstraints()).isEmpty();
    }

    @Test
    void a_binding_volatility_limit_is_met_and_reported() {
        SplittableRandom random = new SplittableRandom(3);
        AllocationProblem p = randomProblem(random, 15);
        AllocationSettings loose = AllocationSettings.defaults().withRiskAversion(0.5).withMaxWeight(0.5)
                .withRiskLimits(Double.NaN, Double.NaN);
        double freeVol = new RiskConstrainedAllocator(loose).allocate(p).exAnteAnnualVolatility();
        AllocationSettings tight = loose.withRiskLimits(freeVol * 0.8, Double.NaN).withAllowCash(false);
        AllocationResult res = new RiskConstrainedAllocator(tight).allocate(p);
        assertThat(res.feasible()).isTrue();
        assertThat(res.exAnteAnnualVolatility()).isLessThanOrEqualTo(freeVol * 0.8 + 1e-9)
                .isGreaterThan(freeVol * 0.8 * (1 - 1e-3));
        assertThat(res.bindingConstraints()).contains("volatility limit");
        assertThat(res.effectiveRiskAversion()).isGreaterThan(0.5);
        assertThat(res.message()).contains("volatility limit");
    }

    @Test
    void caps_that_cannot_reach_full_exposure_are_reported_as_infeasible() {
        AllocationProblem p = randomProblem(new SplittableRandom(5), 4);
        AllocationResult res = new RiskConstrainedAllocator(AllocationSettings.defaults().withMaxWeight(0.2)).allocate(
                p);
        assertThat(res.status()).isEqualTo(AllocationResult.Status.INFEASIBLE);
        assertThat(res.message()).contains("per-asset caps").contains("80.00 %");
    }

    @Test
    void industry_caps_that_are_too_tight_are_reported_as_infeasible() {
        AllocationProblem p = randomProblem(new SplittableRandom(6), 12);
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(0.5).withIndustryCaps(Map.of("Energy", 0.1),
                0.2);
        AllocationResult res = new RiskConstrainedAllocator(s).allocate(p);
        assertThat(res.feasible()).isFalse();
        assertThat(res.message()).contains("industry caps").contains("Energy");
    }

    @Test
    void an_unreachable_volatility_limit_is_infeasible_without_cash_and_scaled_into_cash_with_it() {
        AllocationProblem p = randomProblem(new SplittableRandom(8), 10);
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(0.5).withRiskLimits(0.01, Double.NaN);
        AllocationResult noCash = new RiskConstrainedAllocator(s.withAllowCash(false)).allocate(p);
        assertThat(noCash.feasible()).isFalse();
        assertThat(noCash.message()).contains("volatility limit").contains("allow cash");
        AllocationResult cash = new RiskConstrainedAllocator(s.withAllowCash(true)).allocate(p);
        assertThat(cash.feasible()).isTrue();
        assertThat(cash.netExposure()).isLessThan(1.0).isGreaterThan(0.0);
        assertThat(cash.exAnteAnnualVolatility()).isLessThanOrEqualTo(0.01);
        assertThat(cash.bindingConstraints()).contains("exposure scaled into cash", "volatility limit");
    }

    @Test
    void asset_caps_bind_when_one_asset_dominates() {
        AllocationProblem p = new AllocationProblem(new String[] {"XYZ", "B", "C", "D", "E"},
                new String[] {"Energy", "Tech", "Tech", "Health", "Health"},
                new double[] {0.01, 0.0, 0.0, 0.0, 0.0}, diagonal(5, 0.0001));
        AllocationResult res = new RiskConstrainedAllocator(AllocationSettings.defaults().withMaxWeight(0.3)).allocate(
                p);
        assertThat(res.feasible()).isTrue();
        assertThat(res.weights()[0]).isCloseTo(0.3, within(1e-6));
        assertThat(res.bindingConstraints()).contains("asset cap on XYZ");
    }

    private static double[][] diagonal(int n, double v) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = v;
        }
        return m;
    }
}

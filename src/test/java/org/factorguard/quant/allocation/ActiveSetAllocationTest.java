package org.factorguard.quant.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.factorguard.quant.allocation.qp.MeanVarianceProblem;
import org.factorguard.quant.allocation.qp.MeanVarianceQp;
import org.factorguard.quant.allocation.qp.OjAlgoMeanVarianceQp;
import org.factorguard.quant.allocation.qp.QpSolution;
import org.factorguard.quant.allocation.qp.QpWarmStart;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.FactoredLedoitWolfCovariance;
import org.factorguard.quant.risk.LedoitWolfCovariance;
import org.junit.jupiter.api.Test;

/** The allocator with the structured active-set solver against the same allocator with ojAlgo. */
class ActiveSetAllocationTest {

    private static final String[] SECTORS = {"Energy", "Tech", "Health", "Finance", "Utilities"};

    /** Daily returns [day][asset] from a market factor, a sector factor and noise. */
    private static double[][] returns(SplittableRandom random, int n, int days) {
        double[] beta = new double[n];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + random.nextDouble();
            idio[i] = 0.005 + 0.02 * random.nextDouble();
        }
        double[][] r = new double[days][n];
        for (int t = 0; t < days; t++) {
            double m = 0.01 * random.nextGaussian();
            double[] sector = new double[SECTORS.length];
            for (int k = 0; k < sector.length; k++) {
                sector[k] = 0.005 * random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                r[t][i] = beta[i] * m + sector[i % SECTORS.length] + idio[i] * random.nextGaussian();
            }
        }
        return r;
    }

    private static String[] tickers(int n) {
        String[] t = new String[n];
        for (int i = 0; i < n; i++) {
            t[i] = "A" + i;
        }
        return t;
    }

    private static String[] industries(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = SECTORS[i % SECTORS.length];
        }
        return s;
    }

    private static double[] mu(SplittableRandom random, int n) {
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 0.001 * random.nextGaussian();
        }
        return mu;
    }

    /** Settings that vary the binding constraints: caps, industry caps, volatility, VaR, long-short, cash. */
    private static AllocationSettings settings(SplittableRandom random, int n) {
        double cap = Math.max(1.5 / n, 0.02 + 0.2 * random.nextDouble());
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(cap)
                .withRiskAversion(Math.exp(Math.log(1) + Math.log(100) * random.nextDouble()))
                .withRiskLimits(0.08 + 0.2 * random.nextDouble(), 0.008 + 0.02 * random.nextDouble());
        if (random.nextBoolean()) {
            s = s.withIndustryCaps(Map.of("Tech", 0.25), 0.35);
        }
        if (random.nextInt(4) == 0) {
            s = s.withLongShort(1.6);
        }
        return s;
    }

    @Test
    void active_set_allocation_gives_ojalgos_weights_on_twenty_four_random_problems() {
        SplittableRandom random = new SplittableRandom(20261130L);
        int searchesThatRaisedGamma = 0;
        // ojAlgo's time grows steeply with n: small problems keep the test short
        for (int c = 0; c < 24; c++) {
            int n = 10 + random.nextInt(41);
            double[][] cov = new LedoitWolfCovariance().estimate(returns(random, n, 120));
            AllocationProblem p = new AllocationProblem(tickers(n), industries(n), mu(random, n), cov);
            AllocationSettings s = settings(random, n);
            AllocationResult ojalgo = new RiskConstrainedAllocator(s, AllocationSolver.OJALGO).allocate(p);
            RiskConstrainedAllocator.Outcome fast = new RiskConstrainedAllocator(s, AllocationSolver.ACTIVE_SET)
                    .allocate(p.tickers(), p.industries(), p.expectedReturns(), CovarianceMatrix.dense(cov), null);
            assertThat(fast.fallbacks()).as("case %d", c).isZero();
            assertThat(fast.result().status()).as("case %d: %s", c, fast.result().message())
                    .isEqualTo(ojalgo.status());
            double[] a = ojalgo.weights();
            double[] b = fast.result().weights();
            for (int i = 0; i < n; i++) {
                assertThat(b[i]).as("case %d asset %d", c, i).isCloseTo(a[i], within(1e-6));
            }
            if (ojalgo.feasible()) {
                assertThat(fast.result().effectiveRiskAversion()).as("case %d", c)
                        .isCloseTo(ojalgo.effectiveRiskAversion(), within(1e-5 * ojalgo.effectiveRiskAversion()));
                searchesThatRaisedGamma += ojalgo.effectiveRiskAversion() > s.riskAversion() ? 1 : 0;
            }
        }
        assertThat(searchesThatRaisedGamma).as("cases where a risk limit bound").isGreaterThan(5);
    }

    @Test
    void a_factored_covariance_gives_the_allocation_of_the_dense_one() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 150;
        double[][] r = returns(random, n, 120);
        double[] mu = mu(random, n);
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(0.03).withRiskLimits(0.12, 0.02)
                .withIndustryCaps(Map.of(), 0.3);
        RiskConstrainedAllocator allocator = new RiskConstrainedAllocator(s, AllocationSolver.ACTIVE_SET);
        AllocationResult dense = allocator.allocate(tickers(n), industries(n), mu,
                CovarianceMatrix.dense(new LedoitWolfCovariance().estimate(r)), null).result();
        AllocationResult factored = allocator.allocate(tickers(n), industries(n), mu,
                new FactoredLedoitWolfCovariance().estimateFactored(r), null).result();
        assertThat(dense.feasible()).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(factored.weights()[i]).isCloseTo(dense.weights()[i], within(1e-8));
        }
        assertThat(factored.exAnteAnnualVolatility()).isCloseTo(dense.exAnteAnnualVolatility(), within(1e-10));
    }

    @Test
    void a_full_universe_of_five_hundred_assets_respects_two_percent_caps_industry_caps_and_the_budget() {
        SplittableRandom random = new SplittableRandom(500);
        int n = 500;
        double[][] r = returns(random, n, 120);
        double[] mu = mu(random, n);
        mu[3] = Double.NaN; // no prediction: not investable
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(0.02).withRiskLimits(0.15, 0.02)
                .withIndustryCaps(Map.of("Tech", 0.15), 0.25);
        RiskConstrainedAllocator.Outcome out = new RiskConstrainedAllocator(s, AllocationSolver.ACTIVE_SET)
                .allocate(tickers(n), industries(n), mu, new FactoredLedoitWolfCovariance().estimateFactored(r), null);
        AllocationResult res = out.result();
        assertThat(res.feasible()).as(res.message()).isTrue();
        assertThat(out.fallbacks()).isZero();
        double[] w = res.weights();
        double sum = 0;
        int atCap = 0;
        Map<String, Double> industry = new HashMap<>();
        for (int i = 0; i < n; i++) {
            assertThat(w[i]).isBetween(-1e-9, 0.02 + 1e-9);
            sum += w[i];
            atCap += w[i] > 0.02 - 1e-9 ? 1 : 0;
            industry.merge(industries(n)[i], w[i], Double::sum);
        }
        assertThat(w[3]).isZero();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(industry.get("Tech")).isLessThanOrEqualTo(0.15 + 1e-9);
        industry.values().forEach(v -> assertThat(v).isLessThanOrEqualTo(0.25 + 1e-9));
        assertThat(atCap).as("a 2 %% cap makes the optimum hold many names at the cap").isGreaterThan(10);
        assertThat(res.exAnteAnnualVolatility()).isLessThanOrEqualTo(0.15 + 1e-7);
        assertThat(res.exAnteDailyVar95()).isLessThanOrEqualTo(0.02 + 1e-7);
    }

    @Test
    void a_qp_the_active_set_solver_fails_on_is_solved_by_ojalgo_and_counted() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 30;
        double[][] cov = new LedoitWolfCovariance().estimate(returns(random, n, 120));
        AllocationProblem p = new AllocationProblem(tickers(n), industries(n), mu(random, n), cov);
        AllocationSettings s = AllocationSettings.defaults().withMaxWeight(0.1).withRiskLimits(0.1, 0.02);
        MeanVarianceQp failing = new MeanVarianceQp() {
            @Override
            public QpSolution solve(MeanVarianceProblem problem, double gamma, QpWarmStart warmStart) {
                return new QpSolution(QpSolution.Status.NOT_CONVERGED, "gave up", new double[problem.size()],
                        Double.NaN, 0, Double.NaN, new double[0], Double.NaN, null);
            }

            @Override
            public String name() {
                return "failing";
            }
        };
        RiskConstrainedAllocator.Outcome out = new RiskConstrainedAllocator(s, failing, new OjAlgoMeanVarianceQp())
                .allocate(p.tickers(), p.industries(), p.expectedReturns(), CovarianceMatrix.dense(cov), null);
        AllocationResult ojalgo = new RiskConstrainedAllocator(s).allocate(p);
        assertThat(out.qps()).isGreaterThan(1);
        assertThat(out.fallbacks()).isEqualTo(out.qps());
        assertThat(out.result().message()).contains("failed on " + out.qps() + " of " + out.qps() + " QPs");
        assertThat(out.result().weights()).containsExactly(ojalgo.weights(), within(1e-12));
    }

    @Test
    void warm_started_weekly_rebalances_give_the_cold_ojalgo_weights() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 30;
        int days = 260;
        LocalDate[] dates = new LocalDate[days];
        for (int d = 0; d < days; d++) {
            dates[d] = LocalDate.of(2024, 1, 1).plusDays(d);
        }
        List<Instrument> instruments = new ArrayList<>();
        double[][] close = new double[n][days];
        double[][] r = returns(random, n, days);
        for (int i = 0; i < n; i++) {
            instruments.add(new Instrument("T" + i, null, SECTORS[i % SECTORS.length]));
            close[i][0] = 100;
            for (int d = 1; d < days; d++) {
                close[i][d] = close[i][d - 1] * (1 + r[d][i]);
            }
        }
        MarketData data = MarketData.builder(dates, instruments).close(close).build();
        // a persistent signal, so consecutive rebalances are alike and the warm start matters
        float[][] predictions = new float[days][n];
        double[] signal = new double[n];
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < n; i++) {
                signal[i] = 0.97 * signal[i] + 0.25 * random.nextGaussian();
                predictions[d][i] = (float) (0.001 * signal[i]);
            }
        }
        AllocationSettings settings = AllocationSettings.defaults().withMaxWeight(0.08)
                .withIndustryCaps(Map.of(), 0.3).withRiskLimits(0.12, 0.02);
        Backtester backtester = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.WEEKLY, 10));
        RiskConstrainedPolicy cold = new RiskConstrainedPolicy(predictions, new LedoitWolfCovariance(), 60,
                settings, new DrawdownControl(DrawdownControlSettings.defaults()), AllocationSolver.OJALGO);
        RiskConstrainedPolicy warm = new RiskConstrainedPolicy(predictions, new FactoredLedoitWolfCovariance(), 60,
                settings, new DrawdownControl(DrawdownControlSettings.defaults()), AllocationSolver.ACTIVE_SET);
        BacktestResult a = backtester.run("ojalgo", data, 60, days - 1, cold);
        BacktestResult b = backtester.run("active-set", data, 60, days - 1, warm);
        assertThat(warm.fallbacks()).isZero();
        assertThat(warm.qps()).isGreaterThan(a.decisionDays().length);
        assertThat(b.targetWeights().length).isEqualTo(a.targetWeights().length);
        for (int k = 0; k < a.targetWeights().length; k++) {
            for (int i = 0; i < n; i++) {
                assertThat(b.targetWeights()[k][i]).as("rebalance %d asset %d", k, i)
                        .isCloseTo(a.targetWeights()[k][i], within(1e-6));
            }
        }
    }
}

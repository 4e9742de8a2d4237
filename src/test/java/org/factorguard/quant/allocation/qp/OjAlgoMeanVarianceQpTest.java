package org.factorguard.quant.allocation.qp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.factorguard.quant.allocation.AllocationProblem;
import org.factorguard.quant.allocation.AllocationResult;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.allocation.RiskConstrainedAllocator;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.LedoitWolfCovariance;
import org.junit.jupiter.api.Test;

class OjAlgoMeanVarianceQpTest {

    private static MeanVarianceProblem toProblem(AllocationProblem a, AllocationSettings s) {
        MeanVarianceProblem.Builder b = MeanVarianceProblem.builder(a.expectedReturns(),
                CovarianceMatrix.dense(a.covariance())).exposure(s.exposure());
        if (s.longShort()) {
            b.longShort(s.maxWeight(), s.grossLimit());
        } else {
            b.longOnly(s.maxWeight());
        }
        return b.industryCaps(a.industries(), s::industryCap).build();
    }

    @Test
    void reproduces_the_allocators_portfolio_when_no_risk_limit_binds() {
        SplittableRandom random = new SplittableRandom(12);
        for (int c = 0; c < 6; c++) {
            int n = 10 + 5 * c;
            double[][] cov = new LedoitWolfCovariance().estimate(QpTestProblems.returns(random, n, 90));
            String[] tickers = new String[n];
            String[] industries = new String[n];
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                tickers[i] = "T" + i;
                industries[i] = QpTestProblems.INDUSTRIES[i % 4];
                mu[i] = 1e-3 * random.nextGaussian();
            }
            mu[3] = Double.NaN; // not investable
            AllocationProblem problem = new AllocationProblem(tickers, industries, mu, cov);
            boolean longShort = c % 2 == 1;
            AllocationSettings settings = new AllocationSettings(2.0 + 10 * c, 1.0, 0.15, longShort,
                    longShort ? 1.5 : Double.NaN, Map.of("Energy", 0.2), 0.45, Double.NaN, Double.NaN, false);
            AllocationResult allocated = new RiskConstrainedAllocator(settings).allocate(problem);
            QpSolution solved = new OjAlgoMeanVarianceQp().solve(toProblem(problem, settings),
                    settings.riskAversion(), null);
            assertThat(allocated.feasible()).isTrue();
            assertThat(solved.optimal()).isTrue();
            for (int i = 0; i < n; i++) {
                assertThat(solved.weights()[i]).as("case %d asset %d", c, i)
                        .isCloseTo(allocated.weights()[i], within(1e-12));
            }
            assertThat(solved.weights()[3]).isZero();
        }
    }

    @Test
    void reports_linear_infeasibility_as_a_result() {
        double[][] cov = {{1e-4, 0}, {0, 1e-4}};
        MeanVarianceProblem p = MeanVarianceProblem.builder(new double[] {1e-3, 2e-3}, CovarianceMatrix.dense(cov))
                .longOnly(0.4).build();
        QpSolution s = new OjAlgoMeanVarianceQp().solve(p, 10, null);
        assertThat(s.status()).isEqualTo(QpSolution.Status.INFEASIBLE);
        assertThat(s.weights()).containsOnly(0.0);
    }
}

package org.factorguard.quant.risk;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Size and coverage of the significance tests by simulation on data like the study's (about 1,100 test days,
 * 20-day overlapping horizons), with 2,000 seeded replications each. Prints the figures; run with
 * {@code ./mvnw test -Dtest=SignificanceSizeBenchmark}. The fast versions with fewer replications are in
 * {@link DieboldMarianoTest}, {@link SharpeDifferenceBootstrapTest} and {@link VarBacktestTest}.
 *
 * <p>With 2,000 replications the standard error of a rejection rate near 5 % is √(0.05·0.95/2000) = 0.49 %
 * and of a coverage near 95 % the same, so the bands (3.5–6.5 % size, 90–97 % coverage) are about three
 * standard errors wide on each side.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*SignificanceSizeBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=SignificanceSizeBenchmark")
class SignificanceSizeBenchmark {

    private static final int REPLICATIONS = 2000;

    @Test
    void diebold_mariano_size_with_overlapping_losses() {
        long t0 = System.nanoTime();
        double[] ma = SignificanceSimulations.movingAverageRejections(REPLICATIONS, 1106, 20, 2024);
        System.out.printf(Locale.ROOT, "DM (HLN, unweighted h-1 autocovariances), MA(19) loss differential, T = 1106, "
                + "h = 20, %d replications: rejects %.2f %% at 5 %% (fallback %.2f %%), %.1f s%n", REPLICATIONS,
                100 * ma[0], 100 * ma[1], (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        double[] cs = SignificanceSimulations.crossSectionalRejections(REPLICATIONS, 1106, 80, 20, 2025);
        System.out.printf(Locale.ROOT, "DM on equal-accuracy cross-sectional forecasts, 1106 days x 80 instruments, "
                + "h = 20, %d replications: demeaned squared error rejects %.2f %%, 1 - Rank IC rejects %.2f %% "
                + "at 5 %% (fallback %.2f %%), %.1f s%n", REPLICATIONS, 100 * cs[0], 100 * cs[1], 100 * cs[2],
                (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void studentised_bootstrap_coverage_of_a_known_sharpe_difference() {
        long t0 = System.nanoTime();
        double[] c = SignificanceSimulations.bootstrapCoverage(REPLICATIONS, 1106, 999, 2026);
        System.out.printf(Locale.ROOT, "Sharpe difference, studentised stationary bootstrap (automatic block length), "
                + "GARCH(1,1) returns, T = 1106, 999 resamples, %d replications: 95 %% interval covers the true "
                + "difference %.2f %% of the time; mean width %.3f, mean block length %.1f days, %.1f s%n",
                REPLICATIONS, 100 * c[0], c[1], c[2], (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void var_backtests_size_on_a_correct_model() {
        for (int days : new int[] {250, 1000}) {
            long t0 = System.nanoTime();
            double[] r = SignificanceSimulations.varBacktestRejections(REPLICATIONS, days, 0.05, 999, 2027);
            System.out.printf(Locale.ROOT, "VaR backtests, correct 95 %% VaR, %d days, %d replications, rejections at "
                    + "5 %%: Kupiec %.2f %%, independence %.2f %%, conditional coverage %.2f %% (chi-squared); "
                    + "%.2f %%, %.2f %%, %.2f %% (Monte Carlo, 999 draws), %.1f s%n", days, REPLICATIONS,
                    100 * r[0], 100 * r[1], 100 * r[2], 100 * r[3], 100 * r[4], 100 * r[5],
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}

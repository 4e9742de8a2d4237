package org.factorguard.quant.allocation;

import java.util.Objects;

/**
 * The inputs of one allocation: expected daily returns μ, the daily covariance Σ, and each asset's
 * ticker and industry (for caps and messages). Assets whose μ or variance is not finite are not
 * investable: their weight is fixed at 0.
 */
public record AllocationProblem(String[] tickers, String[] industries, double[] expectedReturns,
                                double[][] covariance) {

    public AllocationProblem {
        Objects.requireNonNull(tickers, "tickers");
        Objects.requireNonNull(industries, "industries");
        Objects.requireNonNull(expectedReturns, "expectedReturns");
        Objects.requireNonNull(covariance, "covariance");
        int n = tickers.length;
        if (industries.length != n || expectedReturns.length != n || covariance.length != n) {
            throw new IllegalArgumentException(
                    "tickers, industries, expected returns and covariance must have the same size");
        }
        for (double[] row : covariance) {
            if (row.length != n) {
                throw new IllegalArgumentException("covariance must be square");
            }
        }
    }

    public int size() {
        return tickers.length;
    }

    public boolean investable(int i) {
        return Double.isFinite(expectedReturns[i]) && Double.isFinite(covariance[i][i]);
    }
}

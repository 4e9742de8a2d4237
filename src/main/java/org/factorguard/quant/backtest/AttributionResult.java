package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio's daily returns split by {@link FactorAttribution}: for return day d and exposure k, the contribution
 * x<sub>k,d</sub>·f<sub>k,d</sub>; what the exposures do not explain is specific; costs are the trades' costs. Per
 * day, Σ<sub>k</sub> contributions + specific + costs = the backtest's net return exactly.
 *
 * @param dates          return days
 * @param exposureNames  "Market", "Beta", then one per industry, then one per style factor
 * @param groups         the group of each exposure ("Market" and "Beta" form the market group)
 * @param exposures      {@code [day][k]} portfolio exposure x<sub>k,d</sub> = Σ<sub>i</sub> h<sub>i,d</sub>
 *                       X<sub>i,k,d−1</sub>
 * @param factorReturns  {@code [day][k]} f<sub>k,d</sub> from the day's cross-sectional regression (0 for an
 *                       industry without any name that day)
 * @param contributions  {@code [day][k]} x<sub>k,d</sub> f<sub>k,d</sub>
 * @param specific       {@code [day]} gross return − Σ<sub>k</sub> contributions (stock selection beyond the
 *                       exposures)
 * @param costs          {@code [day]} net − gross return (≤ 0 for a long-only book)
 * @param returns        {@code [day]} net portfolio return
 * @param rSquared       {@code [day]} weighted R² of the cross-sectional regression
 */
public record AttributionResult(LocalDate[] dates, List<String> exposureNames, List<Group> groups,
                                double[][] exposures, double[][] factorReturns, double[][] contributions,
                                double[] specific, double[] costs, double[] returns, double[] rSquared) {

    /** Exposure groups of the attribution. */
    public enum Group { MARKET, INDUSTRY, STYLE }

    public AttributionResult {
        exposureNames = List.copyOf(exposureNames);
        groups = List.copyOf(groups);
        if (exposureNames.size() != groups.size()) {
            throw new IllegalArgumentException("one group per exposure");
        }
    }

    /**
     * Totals over the period: per exposure, per group, specific, costs and the portfolio.
     *
     * @param byExposure per exposure, in {@link #exposureNames} order
     * @param portfolio  the total the parts add up to (Σ r for arithmetic totals, ∏(1 + r) − 1 when linked)
     */
    public record Totals(double[] byExposure, double market, double industries, double styles, double specific,
                         double costs, double portfolio) {
    }

    public int dayCount() {
        return returns.length;
    }

    /** Plain sums over days: they add up to Σ<sub>d</sub> r<sub>d</sub>, not to the compounded return. */
    public Totals arithmeticTotals() {
        double[] unit = new double[dayCount()];
        java.util.Arrays.fill(unit, 1.0);
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return totals(unit, sum);
    }

    /**
     * Totals linked with Carino's logarithmic coefficients, so that they add up to the compounded return
     * R = ∏(1 + r<sub>d</sub>) − 1: each day's parts are scaled by k<sub>d</sub>/K with k<sub>d</sub> =
     * ln(1 + r<sub>d</sub>)/r<sub>d</sub> and K = ln(1 + R)/R (1 where the return is 0). D. R. Cariño, "Combining
     * attribution effects over time", Journal of Performance Measurement 3(4), 1999. NaN when a day loses 100 %.
     */
    public Totals linkedTotals() {
        double growth = 1;
        for (double r : returns) {
            growth *= 1 + r;
        }
        double total = growth - 1;
        double bigK = logRatio(total);
        double[] scale = new double[dayCount()];
        for (int d = 0; d < scale.length; d++) {
            scale[d] = logRatio(returns[d]) / bigK;
        }
        return totals(scale, total);
    }

    private Totals totals(double[] scale, double portfolio) {
        int k = exposureNames.size();
        double[] byExposure = new double[k];
        double specificTotal = 0;
        double costTotal = 0;
        for (int d = 0; d < dayCount(); d++) {
            for (int j = 0; j < k; j++) {
                byExposure[j] += scale[d] * contributions[d][j];
            }
            specificTotal += scale[d] * specific[d];
            costTotal += scale[d] * costs[d];
        }
        double[] byGroup = new double[Group.values().length];
        for (int j = 0; j < k; j++) {
            byGroup[groups.get(j).ordinal()] += byExposure[j];
        }
        return new Totals(byExposure, byGroup[Group.MARKET.ordinal()], byGroup[Group.INDUSTRY.ordinal()],
                byGroup[Group.STYLE.ordinal()], specificTotal, costTotal, portfolio);
    }

    /** ln(1 + r)/r, 1 at r = 0, NaN for r ≤ −1. */
    static double logRatio(double r) {
        if (r <= -1) {
            return Double.NaN;
        }
        return Math.abs(r) < 1e-12 ? 1.0 - r / 2 : Math.log1p(r) / r;
    }
}

package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.factorguard.quant.data.MarketData;

/**
 * Industry view of a portfolio against a benchmark (G. P. Brinson, L. R. Hood and G. L. Beebower, "Determinants of
 * portfolio performance", Financial Analysts Journal 42(4), 1986). Each return day, with w<sub>j</sub> the weight
 * held in industry j (cash is a sector of its own, earning 0) and R<sub>j</sub> that sector's return (Σ h r / w),
 * for portfolio P and benchmark B:
 * <pre>
 *   allocation   A_j = (w_P,j − w_B,j) · R_B,j
 *   selection    S_j = w_B,j · (R_P,j − R_B,j)
 *   interaction  I_j = (w_P,j − w_B,j) · (R_P,j − R_B,j)
 *   Σ_j (A_j + S_j + I_j) = R_P − R_B
 * </pre>
 * on gross returns (before costs). Where the portfolio holds nothing in a sector R<sub>P,j</sub> = R<sub>B,j</sub>
 * (so S = I = 0); where the benchmark holds nothing R<sub>B,j</sub> is the sector's equal-weight return (the
 * identity holds with any value there). Summed over days in {@link Result#arithmeticTotals()}, or linked with
 * Cariño's coefficients for active returns in {@link Result#linkedTotals()}.
 */
public final class BrinsonAttribution {

    private BrinsonAttribution() {
    }

    /**
     * Daily allocation, selection and interaction by industry.
     *
     * @param sectors     industries of the data, then "Cash"
     * @param allocation  {@code [day][sector]}
     * @param selection   {@code [day][sector]}
     * @param interaction {@code [day][sector]}
     * @param portfolio   {@code [day]} gross portfolio return
     * @param benchmark   {@code [day]} gross benchmark return
     */
    public record Result(LocalDate[] dates, List<String> sectors, double[][] allocation, double[][] selection,
                         double[][] interaction, double[] portfolio, double[] benchmark) {

        public Result {
            sectors = List.copyOf(sectors);
        }

        /**
         * Totals per sector and overall.
         *
         * @param active R<sub>P</sub> − R<sub>B</sub> over the period that the effects add up to (summed, or
         *               compounded when linked)
         */
        public record Totals(double[] allocation, double[] selection, double[] interaction, double totalAllocation,
                             double totalSelection, double totalInteraction, double active) {
        }

        /** Plain sums over days; they add up to Σ(r<sub>P</sub> − r<sub>B</sub>). */
        public Totals arithmeticTotals() {
            double[] unit = new double[portfolio.length];
            Arrays.fill(unit, 1.0);
            double active = 0;
            for (int d = 0; d < portfolio.length; d++) {
                active += portfolio[d] - benchmark[d];
            }
            return totals(unit, active);
        }

        /**
         * Each day's effects scaled by k<sub>d</sub>/K with k<sub>d</sub> = (ln(1 + r<sub>P</sub>) − ln(1 +
         * r<sub>B</sub>))/(r<sub>P</sub> − r<sub>B</sub>) and K the same on the compounded returns, so the totals
         * add up to R<sub>P</sub> − R<sub>B</sub> compounded (Cariño 1999).
         */
        public Totals linkedTotals() {
            double growthP = 1;
            double growthB = 1;
            for (int d = 0; d < portfolio.length; d++) {
                growthP *= 1 + portfolio[d];
                growthB *= 1 + benchmark[d];
            }
            double bigK = coefficient(growthP - 1, growthB - 1);
            double[] scale = new double[portfolio.length];
            for (int d = 0; d < scale.length; d++) {
                scale[d] = coefficient(portfolio[d], benchmark[d]) / bigK;
            }
            return totals(scale, growthP - growthB);
        }

        private Totals totals(double[] scale, double active) {
            int m = sectors.size();
            double[] a = new double[m];
            double[] s = new double[m];
            double[] i = new double[m];
            for (int d = 0; d < scale.length; d++) {
                for (int j = 0; j < m; j++) {
                    a[j] += scale[d] * allocation[d][j];
                    s[j] += scale[d] * selection[d][j];
                    i[j] += scale[d] * interaction[d][j];
                }
            }
            return new Totals(a, s, i, Arrays.stream(a).sum(), Arrays.stream(s).sum(), Arrays.stream(i).sum(),
                    active);
        }

        /** (ln(1 + p) − ln(1 + b))/(p − b), its limit 1/(1 + p) when p = b. */
        static double coefficient(double p, double b) {
            if (Math.abs(p - b) < 1e-14) {
                return 1 / (1 + p);
            }
            return (Math.log1p(p) - Math.log1p(b)) / (p - b);
        }
    }

    /**
     * @param portfolio the portfolio's daily holdings
     * @param benchmark the benchmark's, over the same return days (e.g. the equal-weight universe backtest)
     */
    public static Result attribute(MarketData data, HeldWeights portfolio, HeldWeights benchmark) {
        if (portfolio.startDay() != benchmark.startDay() || portfolio.dayCount() != benchmark.dayCount()) {
            throw new IllegalArgumentException("portfolio and benchmark must cover the same return days");
        }
        List<String> industries = data.industries();
        int n = data.instrumentCount();
        int[] sectorOf = new int[n];
        for (int i = 0; i < n; i++) {
            sectorOf[i] = industries.indexOf(data.instruments().get(i).industry());
        }
        int m = industries.size() + 1;
        int cash = m - 1;
        List<String> sectors = new ArrayList<>(industries);
        sectors.add("Cash");
        int days = portfolio.dayCount();
        double[][] allocation = new double[days][m];
        double[][] selection = new double[days][m];
        double[][] interaction = new double[days][m];
        double[] rp = new double[days];
        double[] rb = new double[days];
        double[][] close = data.close();
        for (int k = 0; k < days; k++) {
            int d = portfolio.dataDay(k);
            double[] r = portfolio.assetReturns()[k];
            double[][] p = sectorWeightsAndSums(portfolio.weights()[k], r, sectorOf, m);
            double[][] b = sectorWeightsAndSums(benchmark.weights()[k], r, sectorOf, m);
            double[] equalWeight = new double[m];
            int[] priced = new int[m];
            for (int i = 0; i < n; i++) {
                if (close[i][d - 1] > 0) {
                    equalWeight[sectorOf[i]] += r[i];
                    priced[sectorOf[i]]++;
                }
            }
            for (int j = 0; j < m; j++) {
                double wp = p[0][j];
                double wb = b[0][j];
                double sectorB = wb != 0 ? b[1][j] / wb
                        : j == cash || priced[j] == 0 ? 0 : equalWeight[j] / priced[j];
                double sectorP = wp != 0 ? p[1][j] / wp : sectorB;
                allocation[k][j] = (wp - wb) * sectorB;
                selection[k][j] = wb * (sectorP - sectorB);
                interaction[k][j] = (wp - wb) * (sectorP - sectorB);
            }
            rp[k] = portfolio.grossReturns()[k];
            rb[k] = benchmark.grossReturns()[k];
        }
        return new Result(portfolio.dates(), sectors, allocation, selection, interaction, rp, rb);
    }

    /** {weights, Σ h r} per sector, cash last (weight 1 − Σ h, return 0). */
    private static double[][] sectorWeightsAndSums(double[] h, double[] r, int[] sectorOf, int m) {
        double[][] out = new double[2][m];
        double invested = 0;
        for (int i = 0; i < h.length; i++) {
            out[0][sectorOf[i]] += h[i];
            out[1][sectorOf[i]] += h[i] * r[i];
            invested += h[i];
        }
        out[0][m - 1] = 1 - invested;
        return out;
    }
}

package org.factorguard.quant.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorPanel;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Factor-based return attribution of a portfolio, the fundamental-factor decomposition of Barra's equity models
 * (J. Menchero, D. Orr and J. Wang, "The Barra US Equity Model (USE4), Methodology Notes", MSCI, 2011; R. Grinold
 * and R. Kahn, <i>Active Portfolio Management</i>, 2nd ed., 2000, ch. 17 "Performance analysis").
 *
 * <p><b>Exposures</b> of name i for return day d, all known at the close of d − 1: a market (country) factor of 1;
 * an industry dummy; the market beta, OLS of the name's daily returns on the market index's over the trailing
 * window ending at d − 1; and each style factor's value at d − 1 (the screened factors). Beta and styles are
 * standardised each day over the regression sample: minus their regression-weighted mean, divided by their
 * equal-weighted standard deviation; a missing value is 0 (the average).
 *
 * <p><b>Factor returns.</b> Each day a weighted cross-sectional regression of the names' simple returns
 * r<sub>i,d</sub> (close d − 1 to close d, names with both prices) on the exposures,
 * r<sub>i,d</sub> = f<sub>market</sub> + f<sub>industry(i)</sub> + z<sub>β,i</sub> f<sub>β</sub> + Σ<sub>s</sub>
 * z<sub>s,i</sub> f<sub>s</sub> + u<sub>i</sub>, with the industry returns constrained to Σ<sub>j</sub>
 * w<sub>j</sub> f<sub>j</sub> = 0 (w<sub>j</sub> the industry's share of the regression weight) so that the
 * dummies and the market factor are not collinear. Then f<sub>market</sub> is the regression-weighted mean return,
 * industry returns are relative to it and style returns are those of pure-factor portfolios (Barra USE4 convention).
 *
 * <p><b>Portfolio.</b> With h<sub>d</sub> the weights held over day d ({@link HeldWeights}) the exposures are
 * x<sub>k,d</sub> = Σ h<sub>i,d</sub> X<sub>i,k</sub>, the contributions x<sub>k,d</sub> f<sub>k,d</sub>; the
 * gross return Σ h<sub>i,d</sub> r<sub>i,d</sub> minus them is specific, and net minus gross is costs. The market
 * group is the market factor plus beta (a fully invested book of average beta earns f<sub>market</sub>; more beta
 * earns more of the market's move). Totals over time are in {@link AttributionResult#arithmeticTotals()} and
 * {@link AttributionResult#linkedTotals()} (Cariño linking).
 */
public final class FactorAttribution {

    private FactorAttribution() {
    }

    /**
     * @param styles the screened factors' values aligned with {@code data} (same days and instruments), or
     *               {@code null} for market and industries only
     */
    public static AttributionResult attribute(MarketData data, HeldWeights holdings, FactorPanel styles,
                                              AttributionSettings settings) {
        return attribute(data, List.of(holdings), styles, settings).getFirst();
    }

    /**
     * Several books of the same data at once (the model portfolios and the benchmarks of a study): the daily
     * regressions do not depend on the holdings, so each day is regressed once.
     */
    public static List<AttributionResult> attribute(MarketData data, List<HeldWeights> books, FactorPanel styles,
                                                    AttributionSettings settings) {
        int n = data.instrumentCount();
        if (books.isEmpty()) {
            throw new IllegalArgumentException("no portfolio to attribute");
        }
        if (styles != null && (styles.dayCount() != data.dayCount() || styles.instrumentCount() != n)) {
            throw new IllegalArgumentException("style factors must have the data's days and instruments");
        }
        List<String> industries = data.industries();
        int[] industryOf = new int[n];
        for (int i = 0; i < n; i++) {
            industryOf[i] = industries.indexOf(data.instruments().get(i).industry());
        }
        int industryCount = industries.size();
        int styleCount = styles == null ? 0 : styles.factorCount();
        int betaColumn = 1 + industryCount;
        int exposureCount = betaColumn + 1 + styleCount;
        List<String> names = new ArrayList<>(List.of("Market"));
        List<AttributionResult.Group> groups = new ArrayList<>(List.of(AttributionResult.Group.MARKET));
        for (String industry : industries) {
            names.add(industry);
            groups.add(AttributionResult.Group.INDUSTRY);
        }
        names.add("Beta");
        groups.add(AttributionResult.Group.MARKET);
        for (int s = 0; s < styleCount; s++) {
            names.add(styles.factorNames().get(s));
            groups.add(AttributionResult.Group.STYLE);
        }

        int firstDay = Integer.MAX_VALUE;
        int endDay = 0;
        for (HeldWeights book : books) {
            if (book.weights().length > 0 && book.weights()[0].length != n) {
                throw new IllegalArgumentException("holdings must have one weight per instrument of the data");
            }
            firstDay = Math.min(firstDay, book.dataDay(0));
            endDay = Math.max(endDay, book.dataDay(book.dayCount()));
        }
        if (endDay > data.dayCount()) {
            throw new IllegalArgumentException("holdings run past the data");
        }
        double[][] betas = trailingBetas(data.close(), data.marketIndex(), firstDay, endDay,
                settings.betaWindow(), settings.minBetaObservations());
        double[][] close = data.close();
        Book[] out = new Book[books.size()];
        for (int b = 0; b < out.length; b++) {
            out[b] = new Book(books.get(b), exposureCount);
        }
        double[][] x = new double[n][exposureCount];
        double[] raw = new double[n];
        for (int d = firstDay; d < endDay; d++) {
            boolean[] inSample = new boolean[n];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double prev = close[i][d - 1];
                double now = close[i][d];
                inSample[i] = prev > 0 && now > 0;
                r[i] = inSample[i] ? now / prev - 1 : Double.NaN;
            }
            double[] v = weights(data, d - 1, inSample, settings.weighting());
            for (int i = 0; i < n; i++) {
                Arrays.fill(x[i], 0.0);
                x[i][0] = 1.0;
                x[i][1 + industryOf[i]] = 1.0;
            }
            boolean[] usable = new boolean[exposureCount];
            usable[0] = true;
            usable[betaColumn] = standardise(betas[d - firstDay], inSample, v, x, betaColumn);
            for (int s = 0; s < styleCount; s++) {
                float[] values = styles.values(s)[d - 1];
                for (int i = 0; i < n; i++) {
                    raw[i] = values[i];
                }
                usable[betaColumn + 1 + s] = standardise(raw, inSample, v, x, betaColumn + 1 + s);
            }
            double[] f = regress(x, r, v, inSample, industryOf, industryCount, usable);
            double fit = rSquared(x, f, r, v, inSample);
            for (Book book : out) {
                book.add(d, x, f, fit);
            }
        }
        List<AttributionResult> results = new ArrayList<>();
        for (Book book : out) {
            results.add(new AttributionResult(book.holdings.dates(), names, groups, book.exposures,
                    book.factorReturns, book.contributions, book.specific, book.costs, book.returns,
                    book.rSquared));
        }
        return results;
    }

    /** One portfolio's daily parts, filled day by day. */
    private static final class Book {

        final HeldWeights holdings;
        final double[][] exposures;
        final double[][] factorReturns;
        final double[][] contributions;
        final double[] specific;
        final double[] costs;
        final double[] returns;
        final double[] rSquared;

        Book(HeldWeights holdings, int exposureCount) {
            this.holdings = holdings;
            int days = holdings.dayCount();
            exposures = new double[days][exposureCount];
            factorReturns = new double[days][];
            contributions = new double[days][exposureCount];
            specific = new double[days];
            costs = new double[days];
            returns = new double[days];
            rSquared = new double[days];
        }

        void add(int dataDay, double[][] x, double[] f, double fit) {
            int k = dataDay - holdings.dataDay(0);
            if (k < 0 || k >= holdings.dayCount()) {
                return;
            }
            factorReturns[k] = f;
            rSquared[k] = fit;
            double[] h = holdings.weights()[k];
            double explained = 0;
            for (int j = 0; j < f.length; j++) {
                double e = 0;
                for (int i = 0; i < h.length; i++) {
                    e += h[i] * x[i][j];
                }
                exposures[k][j] = e;
                contributions[k][j] = e * f[j];
                explained += contributions[k][j];
            }
            specific[k] = holdings.grossReturns()[k] - explained;
            returns[k] = holdings.netReturn(k);
            costs[k] = returns[k] - holdings.grossReturns()[k];
        }
    }

    /**
     * β<sub>i</sub> for return days {@code [fromDay, toDay)}: OLS slope of the name's simple returns on the
     * index's over return days d − window … d − 1 (pairs with both returns), NaN with fewer than
     * {@code minObservations} pairs; {@code [d − fromDay][instrument]}.
     */
    static double[][] trailingBetas(double[][] close, double[] index, int fromDay, int toDay, int window,
                                    int minObservations) {
        int n = close.length;
        int days = index.length;
        double[] market = new double[days];
        for (int s = 0; s < days; s++) {
            market[s] = s > 0 ? simpleReturn(index[s - 1], index[s]) : Double.NaN;
        }
        double[][] out = new double[toDay - fromDay][n];
        double[] sx = new double[days + 1];
        double[] sy = new double[days + 1];
        double[] sxy = new double[days + 1];
        double[] syy = new double[days + 1];
        int[] count = new int[days + 1];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < days; s++) {
                double a = s > 0 ? simpleReturn(close[i][s - 1], close[i][s]) : Double.NaN;
                double m = market[s];
                boolean pair = Double.isFinite(a) && Double.isFinite(m);
                sx[s + 1] = sx[s] + (pair ? a : 0);
                sy[s + 1] = sy[s] + (pair ? m : 0);
                sxy[s + 1] = sxy[s] + (pair ? a * m : 0);
                syy[s + 1] = syy[s] + (pair ? m * m : 0);
                count[s + 1] = count[s] + (pair ? 1 : 0);
            }
            for (int d = fromDay; d < toDay; d++) {
                int lo = Math.max(0, d - window);
                int c = count[d] - count[lo];
                double beta = Double.NaN;
                if (c >= minObservations) {
                    double mx = (sx[d] - sx[lo]) / c;
                    double my = (sy[d] - sy[lo]) / c;
                    double covariance = (sxy[d] - sxy[lo]) / c - mx * my;
                    double variance = (syy[d] - syy[lo]) / c - my * my;
                    beta = variance > 0 ? covariance / variance : Double.NaN;
                }
                out[d - fromDay][i] = beta;
            }
        }
        return out;
    }

    private static double simpleReturn(double previous, double now) {
        return previous > 0 && now > 0 ? now / previous - 1 : Double.NaN;
    }

    private static double[] weights(MarketData data, int day, boolean[] inSample, AttributionSettings.Weighting w) {
        int n = inSample.length;
        double[] v = new double[n];
        if (w == AttributionSettings.Weighting.EQUAL || !data.hasShares()) {
            Arrays.fill(v, 1.0);
            return v;
        }
        double[] known = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double cap = data.marketCap(i, day);
            v[i] = cap > 0 ? Math.sqrt(cap) : Double.NaN;
            if (inSample[i] && cap > 0) {
                known[m++] = v[i];
            }
        }
        double median = 1.0;
        if (m > 0) {
            double[] sorted = Arrays.copyOf(known, m);
            Arrays.sort(sorted);
            median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        }
        for (int i = 0; i < n; i++) {
            if (!(v[i] > 0)) {
                v[i] = median;
            }
        }
        return v;
    }

    /**
     * Writes (value − weighted mean) / equal-weighted sd (ddof 1) over the sample into column {@code column}, 0 for
     * a missing value; false (column left at 0) when fewer than 2 sample values or no spread.
     */
    private static boolean standardise(double[] values, boolean[] inSample, double[] v, double[][] x, int column) {
        double weighted = 0;
        double weight = 0;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (inSample[i] && Double.isFinite(values[i])) {
                weighted += v[i] * values[i];
                weight += v[i];
                sum += values[i];
                count++;
            }
        }
        if (count < 2) {
            return false;
        }
        double plain = sum / count;
        double ss = 0;
        for (int i = 0; i < values.length; i++) {
            if (inSample[i] && Double.isFinite(values[i])) {
                ss += (values[i] - plain) * (values[i] - plain);
            }
        }
        double sd = Math.sqrt(ss / (count - 1));
        if (!(sd > 0)) {
            return false;
        }
        double centre = weighted / weight;
        for (int i = 0; i < values.length; i++) {
            x[i][column] = Double.isFinite(values[i]) ? (values[i] - centre) / sd : 0.0;
        }
        return true;
    }

    /** Constrained weighted least squares; returns f for every exposure (0 where unusable or absent). */
    private static double[] regress(double[][] x, double[] r, double[] v, boolean[] inSample, int[] industryOf,
                                    int industryCount, boolean[] usable) {
        int n = r.length;
        int exposureCount = x[0].length;
        double[] industryWeight = new double[industryCount];
        int sampleSize = 0;
        for (int i = 0; i < n; i++) {
            if (inSample[i]) {
                industryWeight[industryOf[i]] += v[i];
                sampleSize++;
            }
        }
        double[] f = new double[exposureCount];
        if (sampleSize == 0) {
            return f;
        }
        int anchor = -1;
        List<Integer> freeIndustries = new ArrayList<>();
        for (int j = 0; j < industryCount; j++) {
            if (industryWeight[j] > 0) {
                if (anchor >= 0) {
                    freeIndustries.add(anchor);
                }
                anchor = j;
            }
        }
        List<Integer> styleColumns = new ArrayList<>();
        for (int c = 1 + industryCount; c < exposureCount; c++) {
            if (usable[c]) {
                styleColumns.add(c);
            }
        }
        int columns = 1 + freeIndustries.size() + styleColumns.size();
        double[][] a = new double[sampleSize][columns];
        double[] b = new double[sampleSize];
        int row = 0;
        for (int i = 0; i < n; i++) {
            if (!inSample[i]) {
                continue;
            }
            double root = Math.sqrt(v[i]);
            a[row][0] = root;
            for (int q = 0; q < freeIndustries.size(); q++) {
                int j = freeIndustries.get(q);
                double dummy = industryOf[i] == j ? 1 : 0;
                double anchorDummy = industryOf[i] == anchor ? 1 : 0;
                a[row][1 + q] = root * (dummy - industryWeight[j] / industryWeight[anchor] * anchorDummy);
            }
            for (int q = 0; q < styleColumns.size(); q++) {
                a[row][1 + freeIndustries.size() + q] = root * x[i][styleColumns.get(q)];
            }
            b[row++] = root * r[i];
        }
        RealVector g = leastSquares(a, b);
        f[0] = g.getEntry(0);
        double anchorReturn = 0;
        for (int q = 0; q < freeIndustries.size(); q++) {
            int j = freeIndustries.get(q);
            f[1 + j] = g.getEntry(1 + q);
            anchorReturn -= industryWeight[j] / industryWeight[anchor] * f[1 + j];
        }
        f[1 + anchor] = anchorReturn;
        for (int q = 0; q < styleColumns.size(); q++) {
            f[styleColumns.get(q)] = g.getEntry(1 + freeIndustries.size() + q);
        }
        return f;
    }

    /** min ‖Ag − b‖ by the normal equations (Cholesky), or the SVD pseudo-inverse when AᵀA is singular. */
    private static RealVector leastSquares(double[][] a, double[] b) {
        int columns = a[0].length;
        double[][] gram = new double[columns][columns];
        double[] rhs = new double[columns];
        for (int row = 0; row < a.length; row++) {
            double[] ar = a[row];
            for (int p = 0; p < columns; p++) {
                rhs[p] += ar[p] * b[row];
                for (int q = 0; q <= p; q++) {
                    gram[p][q] += ar[p] * ar[q];
                }
            }
        }
        for (int p = 0; p < columns; p++) {
            for (int q = p + 1; q < columns; q++) {
                gram[p][q] = gram[q][p];
            }
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false), 1e-12, 1e-12).getSolver()
                    .solve(new ArrayRealVector(rhs, false));
        } catch (MathIllegalArgumentException singular) {
            return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(b, false));
        }
    }

    private static double rSquared(double[][] x, double[] f, double[] r, double[] v, boolean[] inSample) {
        double weight = 0;
        double mean = 0;
        for (int i = 0; i < r.length; i++) {
            if (inSample[i]) {
                weight += v[i];
                mean += v[i] * r[i];
            }
        }
        if (weight == 0) {
            return Double.NaN;
        }
        mean /= weight;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < r.length; i++) {
            if (inSample[i]) {
                double fitted = 0;
                for (int j = 0; j < f.length; j++) {
                    fitted += x[i][j] * f[j];
                }
                residual += v[i] * (r[i] - fitted) * (r[i] - fitted);
                total += v[i] * (r[i] - mean) * (r[i] - mean);
            }
        }
        return total > 0 ? 1 - residual / total : Double.NaN;
    }
}

package org.factorguard.quant.regimes;

import org.factorguard.quant.data.Regime;

/**
 * How well a dating agrees with a known truth (the built-in market's {@code trueRegimes()}), day by day.
 *
 * <ul>
 *   <li>agreement p<sub>o</sub> = share of days with the same regime;</li>
 *   <li>Cohen's κ = (p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>) with chance agreement
 *       p<sub>e</sub> = Σ<sub>k</sub> p<sub>k·</sub> p<sub>·k</sub>, the products of the two series' shares of
 *       regime k (Cohen 1960, Educational and Psychological Measurement 20(1), eq. 1 and 2);
 *       0 for a dating no better than chance given the shares, 1 for perfect agreement;</li>
 *   <li>majority baseline = agreement of "always the truth's most frequent regime" (its κ is 0).</li>
 * </ul>
 * Days on which either series is null are left out of every figure.
 */
public final class RegimeAgreement {

    /** All figures over the same days. */
    public record Summary(int days, double agreement, double kappa, Regime majorityRegime,
                          double majorityAgreement) {
    }

    private RegimeAgreement() {
    }

    /** Agreement, κ and the majority baseline of {@code dated} against {@code truth}. */
    public static Summary of(Regime[] dated, Regime[] truth) {
        long[][] c = confusion(dated, truth);
        int days = 0;
        long[] truthCounts = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                days += (int) c[i][j];
                truthCounts[i] += c[i][j];
            }
        }
        int majority = 0;
        for (int k = 1; k < truthCounts.length; k++) {
            if (truthCounts[k] > truthCounts[majority]) {
                majority = k;
            }
        }
        return new Summary(days, agreement(c), kappa(c), days == 0 ? null : Regime.values()[majority],
                days == 0 ? Double.NaN : (double) truthCounts[majority] / days);
    }

    /** Share of days with the same regime; NaN when no day is counted. */
    public static double agreement(Regime[] dated, Regime[] truth) {
        return agreement(confusion(dated, truth));
    }

    /** Cohen's κ; NaN when no day is counted or chance agreement is 1 (both series one and the same regime). */
    public static double cohensKappa(Regime[] dated, Regime[] truth) {
        return kappa(confusion(dated, truth));
    }

    /** Share of the truth's days that fall in its most frequent regime. */
    public static double majorityBaseline(Regime[] truth) {
        return of(truth, truth).majorityAgreement();
    }

    /** Day counts: rows are the truth's regimes, columns the dating's, both in {@link Regime} order. */
    public static long[][] confusion(Regime[] dated, Regime[] truth) {
        if (dated.length != truth.length) {
            throw new IllegalArgumentException("regime series differ in length: " + dated.length + " and "
                    + truth.length);
        }
        int k = Regime.values().length;
        long[][] c = new long[k][k];
        for (int t = 0; t < dated.length; t++) {
            if (dated[t] != null && truth[t] != null) {
                c[truth[t].ordinal()][dated[t].ordinal()]++;
            }
        }
        return c;
    }

    private static double agreement(long[][] c) {
        long total = 0;
        long same = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                total += c[i][j];
            }
            same += c[i][i];
        }
        return total == 0 ? Double.NaN : (double) same / total;
    }

    private static double kappa(long[][] c) {
        double total = 0;
        double[] rows = new double[c.length];
        double[] columns = new double[c.length];
        double same = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                total += c[i][j];
                rows[i] += c[i][j];
                columns[j] += c[i][j];
            }
            same += c[i][i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        double observed = same / total;
        double chance = 0;
        for (int k = 0; k < c.length; k++) {
            chance += rows[k] / total * (columns[k] / total);
        }
        return chance >= 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }
}

package org.factorguard.quant.factors;

import java.io.Serializable;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.StatUtils;

/**
 * Summary of a daily IC series (NaN days skipped): n valid days, mean, sample standard deviation sd,
 * ICIR = mean / sd, t = mean / (sd / √n) with a two-sided p-value from Student's t with n − 1 degrees
 * of freedom (daily ICs treated as independent, which overstates t for horizons above one day because
 * their forward windows overlap), and the share of days whose IC has the sign {@code signUsed}
 * (the expected sign, or the sign of the mean when none is expected).
 */
public record IcSummary(int days, double mean, double standardDeviation, double icir, double tStatistic, double pValue,
                        int signUsed, double shareWithSign) implements Serializable {

    public static IcSummary empty() {
        return new IcSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
    }

    public static IcSummary of(double[] daily, int expectedSign) {
        double[] valid = java.util.Arrays.stream(daily).filter(v -> !Double.isNaN(v)).toArray();
        int n = valid.length;
        if (n < 2) {
            return empty();
        }
        double mean = StatUtils.mean(valid);
        double sd = Math.sqrt(StatUtils.variance(valid, mean));
        double icir = sd > 0 ? mean / sd : Double.NaN;
        double t = sd > 0 ? mean / (sd / Math.sqrt(n)) : Double.NaN;
        double p = Double.isNaN(t) ? Double.NaN : 2.0 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(t));
        int sign = expectedSign != 0 ? expectedSign : (int) Math.signum(mean);
        int agreeing = 0;
        for (double v : valid) {
            if (sign != 0 && Math.signum(v) == sign) {
                agreeing++;
            }
        }
        return new IcSummary(n, mean, sd, icir, t, p, sign, (double) agreeing / n);
    }
}

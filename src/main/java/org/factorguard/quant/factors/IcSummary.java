package org.factorguard.quant.factors;

import java.io.Serializable;
import org.factorguard.quant.risk.NeweyWest;
import org.hipparchus.stat.StatUtils;

/**
 * Summary of a daily IC series at forward horizon h (NaN days skipped): n valid days, mean, sample standard
 * deviation sd, ICIR = mean / sd, and a t-statistic for mean = 0 with its two-sided p-value.
 *
 * <p>ICs measured against h-day forward returns overlap: consecutive days share h − 1 days of return, so the daily
 * ICs are autocorrelated and t = ICIR·√n overstates significance by up to √h. The t-statistic is therefore the
 * Newey–West HAC one with L = h − 1 lags ({@link NeweyWest#meanTest}: Bartlett weights, the T/(T − 1) correction,
 * Student's t with n − 1 degrees of freedom; statsmodels {@code OLS(ic, ones).fit(cov_type='HAC',
 * cov_kwds={'maxlags': h-1, 'use_correction': True}, use_t=True)}). At h = 1 it is the classical
 * mean / (sd/√n). Also reported: the share of days whose IC has the sign {@code signUsed} (the expected sign, or
 * the sign of the mean when none is expected).
 *
 * @param neweyWestLags L = h − 1 used for {@code tStatistic} and {@code pValue}
 */
public record IcSummary(int days, double mean, double standardDeviation, double icir, double tStatistic, double pValue,
                        int signUsed, double shareWithSign, int neweyWestLags) implements Serializable {

    /** A summary whose t-statistic assumed independent days (L = 0). */
    public IcSummary(int days, double mean, double standardDeviation, double icir, double tStatistic, double pValue,
                     int signUsed, double shareWithSign) {
        this(days, mean, standardDeviation, icir, tStatistic, pValue, signUsed, shareWithSign, 0);
    }

    public static IcSummary empty() {
        return new IcSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 0);
    }

    /** A one-day horizon summary (no overlap, L = 0). */
    public static IcSummary of(double[] daily, int expectedSign) {
        return of(daily, expectedSign, 1);
    }

    /** The summary of daily ICs measured against {@code horizon}-day forward returns. */
    public static IcSummary of(double[] daily, int expectedSign, int horizon) {
        int lags = NeweyWest.lagsForHorizon(horizon);
        double[] valid = java.util.Arrays.stream(daily).filter(v -> !Double.isNaN(v)).toArray();
        int n = valid.length;
        if (n < 2) {
            return new IcSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, lags);
        }
        double mean = StatUtils.mean(valid);
        double sd = Math.sqrt(StatUtils.variance(valid, mean));
        double icir = sd > 0 ? mean / sd : Double.NaN;
        NeweyWest.MeanTest test = NeweyWest.meanTest(valid, lags);
        int sign = expectedSign != 0 ? expectedSign : (int) Math.signum(mean);
        int agreeing = 0;
        for (double v : valid) {
            if (sign != 0 && Math.signum(v) == sign) {
                agreeing++;
            }
        }
        return new IcSummary(n, mean, sd, icir, test.tStatistic(), test.pValue(), sign, (double) agreeing / n, lags);
    }
}

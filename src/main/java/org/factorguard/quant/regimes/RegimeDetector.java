package org.factorguard.quant.regimes;

import org.factorguard.quant.data.Regime;

/**
 * Classifies each day of a market index into {@link Regime#BULL}, {@link Regime#BEAR} or
 * {@link Regime#SIDEWAYS} (the "shock" market of Li, Gu et al. 2025, Table 2).
 *
 * <p><b>Raw rule</b> on day t ≥ W, from the W daily log returns ending at t: annualised trend
 * μ = 252·mean(ln(I<sub>s</sub>/I<sub>s−1</sub>)) and annualised volatility σ = √252·std(ddof = 1):
 * <ul>
 *   <li>bull if μ ≥ bullReturn and μ ≥ minTrendToVolatility·σ;</li>
 *   <li>bear if μ ≤ −bearReturn and −μ ≥ minTrendToVolatility·σ;</li>
 *   <li>sideways otherwise (no clear trend, or a trend drowned in volatility).</li>
 * </ul>
 * <b>Smoothing</b>: the detected regime only changes after the raw rule has given the same new regime on
 * {@code persistenceDays} consecutive days; the change is dated to the day that completes the run (causal,
 * so a one-day spike never flips the regime). Days before the first full window take the first raw
 * classification (a labelling convention for the warm-up; the detector is meant for ex-post reporting).
 * Missing index levels are carried forward.
 *
 * <p>Superseded for the report by {@link RegimeDating} (dating as analysts date markets, with a causal view); kept
 * while the study still calls it.
 */
public final class RegimeDetector {

    private final RegimeSettings settings;

    public RegimeDetector(RegimeSettings settings) {
        this.settings = settings;
    }

    public RegimeSettings settings() {
        return settings;
    }

    /** Smoothed regime per day of the index series. */
    public Regime[] detect(double[] indexLevels) {
        Regime[] raw = rawRegimes(indexLevels);
        Regime[] out = new Regime[raw.length];
        int w = settings.window();
        if (raw.length <= w) {
            java.util.Arrays.fill(out, Regime.SIDEWAYS);
            return out;
        }
        Regime current = raw[w];
        Regime candidate = null;
        int run = 0;
        for (int t = 0; t < raw.length; t++) {
            if (t > w) {
                if (raw[t] == current) {
                    candidate = null;
                    run = 0;
                } else if (raw[t] == candidate) {
                    run++;
                } else {
                    candidate = raw[t];
                    run = 1;
                }
                if (candidate != null && run >= settings.persistenceDays()) {
                    current = candidate;
                    candidate = null;
                    run = 0;
                }
            }
            out[t] = current;
        }
        return out;
    }

    /** Unsmoothed rule per day (null for days before the first full window). */
    public Regime[] rawRegimes(double[] indexLevels) {
        double[] level = indexLevels.clone();
        double last = Double.NaN;
        for (int t = 0; t < level.length; t++) {
            if (Double.isFinite(level[t]) && level[t] > 0) {
                last = level[t];
            } else {
                level[t] = last;
            }
        }
        int w = settings.window();
        Regime[] raw = new Regime[level.length];
        double[] logReturn = new double[level.length];
        for (int t = 1; t < level.length; t++) {
            logReturn[t] = level[t] > 0 && level[t - 1] > 0 ? Math.log(level[t] / level[t - 1]) : 0.0;
        }
        for (int t = w; t < level.length; t++) {
            double s = 0;
            for (int k = t - w + 1; k <= t; k++) {
                s += logReturn[k];
            }
            double mean = s / w;
            double ss = 0;
            for (int k = t - w + 1; k <= t; k++) {
                ss += (logReturn[k] - mean) * (logReturn[k] - mean);
            }
            double mu = 252 * mean;
            double sigma = Math.sqrt(252 * ss / (w - 1));
            double need = settings.minTrendToVolatility() * sigma;
            if (mu >= settings.bullReturn() && mu >= need) {
                raw[t] = Regime.BULL;
            } else if (mu <= -settings.bearReturn() && -mu >= need) {
                raw[t] = Regime.BEAR;
            } else {
                raw[t] = Regime.SIDEWAYS;
            }
        }
        return raw;
    }

    /**
     * Share of days on which two regime series agree (days where either is null are skipped); see
     * {@link RegimeAgreement} for κ and the majority baseline.
     */
    public static double agreement(Regime[] detected, Regime[] trueRegimes) {
        return RegimeAgreement.agreement(detected, trueRegimes);
    }
}

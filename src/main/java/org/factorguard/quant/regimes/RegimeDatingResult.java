package org.factorguard.quant.regimes;

import java.util.ArrayList;
import java.util.List;
import org.factorguard.quant.data.Regime;

/**
 * The regimes of every day of an index, in two views (see {@link RegimeDating}).
 *
 * @param exPost     the dating with the whole sample known, as analysts date past markets (for the per-regime table)
 * @param causal     what a manager could have known on the day: the same rule run on the index up to that day
 * @param method     which method, in words
 * @param parameters its parameters, in words
 */
public record RegimeDatingResult(Regime[] exPost, Regime[] causal, String method, String parameters) {

    /** A run of consecutive days with the same regime; days are indices into the index series, inclusive. */
    public record Phase(Regime regime, int firstDay, int lastDay) {

        public int days() {
            return lastDay - firstDay + 1;
        }
    }

    public RegimeDatingResult {
        if (exPost.length != causal.length) {
            throw new IllegalArgumentException("the two views differ in length");
        }
    }

    /** The ex-post phases in order. */
    public List<Phase> exPostPhases() {
        return phases(exPost);
    }

    /** The causal phases in order. */
    public List<Phase> causalPhases() {
        return phases(causal);
    }

    /** Runs of equal labels in order (a null label ends a run and starts none). */
    public static List<Phase> phases(Regime[] labels) {
        List<Phase> out = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= labels.length; t++) {
            if (t == labels.length || labels[t] != labels[start]) {
                if (labels[start] != null) {
                    out.add(new Phase(labels[start], start, t - 1));
                }
                start = t;
            }
        }
        return out;
    }
}

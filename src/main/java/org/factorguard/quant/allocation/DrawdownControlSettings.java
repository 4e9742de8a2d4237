package org.factorguard.quant.allocation;

/**
 * Parameters of the {@link DrawdownControl}.
 *
 * @param limit              drawdown limit L as a positive fraction (0.20 = 20 % below the peak)
 * @param startFraction      a ∈ [0, 1): cutting starts when the drawdown reaches a·L
 * @param floor              lowest allowed exposure f ∈ [0, 1], reached at the limit (keep it &gt; 0, or a
 *                           portfolio held fully in cash can never recover its drawdown)
 * @param recoveryBuffer     hysteresis b ≥ 0: exposure is only raised once the drawdown has improved by at
 *                           least b beyond the level that corresponds to the current exposure
 * @param maxIncreasePerStep largest rise of the allowed exposure per decision (cuts are immediate)
 */
public record DrawdownControlSettings(double limit, double startFraction, double floor, double recoveryBuffer,
                                      double maxIncreasePerStep) {

    public DrawdownControlSettings {
        if (!(limit > 0 && limit < 1)) {
            throw new IllegalArgumentException("drawdown limit must be in (0, 1)");
        }
        if (!(startFraction >= 0 && startFraction < 1)) {
            throw new IllegalArgumentException("start fraction must be in [0, 1)");
        }
        if (!(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException("floor must be in [0, 1]");
        }
        if (!(recoveryBuffer >= 0)) {
            throw new IllegalArgumentException("recovery buffer must be non-negative");
        }
        if (!(maxIncreasePerStep > 0)) {
            throw new IllegalArgumentException("max increase per step must be positive");
        }
    }

    /** Limit 20 %, start cutting at 10 %, floor 25 %, buffer 2 points, at most +25 % exposure per decision. */
    public static DrawdownControlSettings defaults() {
        return new DrawdownControlSettings(0.20, 0.5, 0.25, 0.02, 0.25);
    }
}

package org.factorguard.quant.allocation;

/**
 * Drawdown control: scales the allowed exposure down as the running drawdown of the portfolio approaches
 * its limit and back up as the portfolio recovers, with hysteresis so that it does not flip on noise.
 *
 * <p>With drawdown D = |equity/peak − 1|, limit L, start fraction a and floor f, the target exposure is
 * the linear ramp
 * <pre>
 *   target(D) = 1                                   for D ≤ a·L
 *             = 1 − (1 − f)·(D − a·L)/((1 − a)·L)   for a·L &lt; D &lt; L
 *             = f                                   for D ≥ L
 * </pre>
 * The allowed exposure X (starting at 1) is updated at each decision:
 * <ul>
 *   <li>cut at once: if target(D) &lt; X then X = target(D);</li>
 *   <li>restore with hysteresis: if target(D + b) &gt; X (the drawdown has recovered by more than the
 *       buffer b beyond the level that gave X), then X = min(target(D), X + maxIncreasePerStep);</li>
 *   <li>otherwise X is kept.</li>
 * </ul>
 * The allocator then uses X times the configured exposure. The rule is stateful (one instance per
 * backtest run; {@link #reset()} starts over) and uses only the drawdown known at the decision.
 */
public final class DrawdownControl {

    private final DrawdownControlSettings settings;
    private double allowed = 1.0;

    public DrawdownControl(DrawdownControlSettings settings) {
        this.settings = settings;
    }

    public DrawdownControlSettings settings() {
        return settings;
    }

    /** The exposure multiplier in [floor, 1] allowed after observing a drawdown (≤ 0 or its magnitude). */
    public double update(double drawdown) {
        double d = Math.abs(drawdown);
        double target = target(d);
        if (target < allowed) {
            allowed = target;
        } else if (target(d + settings.recoveryBuffer()) > allowed) {
            allowed = Math.min(target, allowed + settings.maxIncreasePerStep());
        }
        return allowed;
    }

    /** The current exposure multiplier without a new observation. */
    public double allowedExposure() {
        return allowed;
    }

    public void reset() {
        allowed = 1.0;
    }

    /** The ramp target(D) for a drawdown magnitude D ≥ 0. */
    public double target(double drawdownMagnitude) {
        double l = settings.limit();
        double start = settings.startFraction() * l;
        if (drawdownMagnitude <= start) {
            return 1.0;
        }
        if (drawdownMagnitude >= l) {
            return settings.floor();
        }
        return 1.0 - (1.0 - settings.floor()) * (drawdownMagnitude - start) / (l - start);
    }
}

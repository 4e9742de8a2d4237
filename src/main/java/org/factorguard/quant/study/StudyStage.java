package org.factorguard.quant.study;

/**
 * The steps of a {@link Study}, in order, each with its share of the overall progress bar: the stage's share of
 * the default study's wall time, in percent (at least 1), as StudyBenchmark measures and prints it (generator v3,
 * 2026-11-30: data 1.5, factors 2.4, labels 0.0, selection 8.9, linear 3.2, LSTM 75.3, backtests 3.8, Figure 2
 * 0.1, regimes 0.0, significance 0.7, tear sheets 4.1). The time-remaining estimate ({@code RunEta}) extrapolates
 * linearly from this progress, so the closer the weights are to the real shares, the truer the estimate.
 */
public enum StudyStage {
    DATA("select universe and dates", 2),
    FACTORS("compute and prepare factors", 3),
    LABELS("forward-return labels", 1),
    SELECTION("factor selection in each fold", 9),
    LINEAR("walk-forward linear model", 3),
    LSTM("walk-forward LSTM", 72),
    BACKTESTS("risk-constrained backtests", 4),
    OPTIMISATION_DEGREE("optimisation degree (Figure 2)", 1),
    REGIMES("regimes (Table 2)", 1),
    SIGNIFICANCE("significance tests", 1),
    TEAR_SHEETS("tear sheets: quintiles, importance, attribution", 3);

    private final String displayName;
    private final int weight;

    StudyStage(String displayName, int weight) {
        this.displayName = displayName;
        this.weight = weight;
    }

    public String displayName() {
        return displayName;
    }

    /** Share of the overall progress, in percent (all stages add up to 100). */
    public int weight() {
        return weight;
    }

    /** Overall percent when this stage is {@code fraction} (0–1) done. */
    public double overallPercent(double fraction) {
        int before = 0;
        for (StudyStage s : values()) {
            if (s == this) {
                break;
            }
            before += s.weight;
        }
        return before + weight * Math.max(0, Math.min(1, fraction));
    }
}

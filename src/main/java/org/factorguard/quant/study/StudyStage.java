package org.factorguard.quant.study;

/**
 * The steps of a {@link Study}, in order, each with its share of the overall progress bar (weights are
 * rough shares of the default study's running time, in percent).
 */
public enum StudyStage {
    DATA("select universe and dates", 1),
    FACTORS("compute and prepare factors", 3),
    LABELS("forward-return labels", 1),
    SELECTION("factor selection in each fold", 2),
    LINEAR("walk-forward linear model", 3),
    LSTM("walk-forward LSTM", 65),
    BACKTESTS("risk-constrained backtests", 12),
    OPTIMISATION_DEGREE("optimisation degree (Figure 2)", 6),
    REGIMES("regimes (Table 2)", 1),
    SIGNIFICANCE("significance tests", 3),
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

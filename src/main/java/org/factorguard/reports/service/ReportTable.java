package org.factorguard.reports.service;

/** The tables and series of a report that can be downloaded as CSV. */
public enum ReportTable {
    RISK("risk-table", "Risk table (Table 1)"),
    REGIMES("regime-table", "Regime table (Table 2)"),
    CURRENT_ALLOCATION("current-allocation", "Current allocation"),
    WEIGHTS_OVER_TIME("weights-over-time", "Weights over time"),
    EQUITY_CURVES("equity-curves", "Equity curves"),
    DRAWDOWNS("drawdowns", "Drawdowns"),
    OPTIMISATION_DEGREE("optimisation-degree", "Optimisation degree (Figure 2)"),
    SIGNIFICANCE("significance", "Significance tests"),
    MODEL_FOLDS("model-folds", "Model out-of-sample metrics per fold"),
    REGIMES_CAUSAL("regime-table-causal", "Regime table by the causal view"),
    REGIME_DATING("regime-dating", "Regime dating: method and agreement"),
    REGIME_DAYS("regime-days", "Regime of every return day"),
    LINEAR_COEFFICIENTS("linear-coefficients", "Linear model coefficients per fold"),
    RETURNS_BY_QUINTILE("returns-by-quintile", "Returns by quintile of the models' predictions"),
    QUINTILE_CURVES("quintile-cumulative-returns", "Cumulative return of each quintile"),
    MODEL_IMPORTANCE("model-importance", "What drives the models (permutation importance)"),
    RETURN_ATTRIBUTION("return-attribution", "Where the return came from"),
    ATTRIBUTION_EXPOSURES("attribution-exposures", "Attribution by exposure"),
    DRAWDOWN_LIMIT("drawdown-limit", "Drawdown overlay day by day"),
    DATA_TREATMENT("data-treatment", "Data treatment: repairs, cleaning counts, delistings");

    private final String slug;
    private final String label;

    ReportTable(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    /** A download file name such as {@code report-12-risk-table.csv}. */
    public String fileName(long reportId) {
        return "report-" + reportId + "-" + slug + ".csv";
    }
}

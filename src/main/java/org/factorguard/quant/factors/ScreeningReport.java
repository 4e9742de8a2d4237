package org.factorguard.quant.factors;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a manager reads before choosing factors: per-factor IC statistics ({@link FactorEvaluation}),
 * the factor-by-factor correlation matrix and variance inflation factors of the screenable factors, and
 * the proposed selection with a reason for every factor.
 *
 * @param settings           the settings used
 * @param dates              the panel's dates (daily IC series are aligned with them)
 * @param factors            evaluations in candidate order
 * @param correlationFactors ids of the rows/columns of {@code correlation} and entries of {@code vif}
 *                           (the screenable factors)
 * @param correlation        pooled Pearson correlation of prepared values over (day, instrument) cells where both
 *                           factors have a value (see {@link FactorScreen} on sampling); with per-day z-scored
 *                           values this is the average daily cross-sectional correlation
 * @param vif                variance inflation factor of each screenable factor among those with at least
 *                           {@code minIcDays} valid days (NaN for the others)
 * @param decisions          one decision per candidate, in candidate order
 */
public record ScreeningReport(ScreeningSettings settings, LocalDate[] dates, List<FactorEvaluation> factors,
                              List<String> correlationFactors, double[][] correlation, double[] vif,
                              List<SelectionDecision> decisions) implements Serializable {

    public ScreeningReport {
        factors = List.copyOf(factors);
        correlationFactors = List.copyOf(correlationFactors);
        decisions = List.copyOf(decisions);
    }

    /** Ids of the selected factors, in candidate order. */
    public List<String> selected() {
        return decisions.stream().filter(SelectionDecision::selected).map(SelectionDecision::factorId).toList();
    }

    public FactorEvaluation factor(String id) {
        return factors.stream().filter(f -> f.factorId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("factor " + id + " was not screened"));
    }

    public SelectionDecision decision(String id) {
        return decisions.stream().filter(d -> d.factorId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("factor " + id + " was not screened"));
    }

    /** Correlation of two screenable factors (NaN when either is not in the matrix or they never overlap). */
    public double correlation(String a, String b) {
        int i = correlationFactors.indexOf(a);
        int j = correlationFactors.indexOf(b);
        return i < 0 || j < 0 ? Double.NaN : correlation[i][j];
    }

    public double vif(String id) {
        int i = correlationFactors.indexOf(id);
        return i < 0 ? Double.NaN : vif[i];
    }
}

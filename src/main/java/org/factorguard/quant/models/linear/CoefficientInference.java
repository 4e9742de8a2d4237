package org.factorguard.quant.models.linear;

/**
 * Estimates of the linear model's coefficients with standard errors that allow for the dependence of a panel of
 * overlapping labels (see {@link PanelInference}). Index 0 is the intercept α, index k ≥ 1 the slope β<sub>k</sub>.
 *
 * @param method            {@link Method#FAMA_MACBETH} or {@link Method#DRISCOLL_KRAAY}
 * @param estimates         coefficients (Fama–MacBeth: means of the per-date coefficients; Driscoll–Kraay: pooled)
 * @param standardErrors    their standard errors
 * @param tValues           estimate / standard error
 * @param pValues           two-sided, Student's t with (dates − 1) degrees of freedom
 * @param lags              Newey–West lags used (h − 1; 0 = dates treated as independent)
 * @param dates             cross-sections (dates) used
 */
public record CoefficientInference(Method method, double[] estimates, double[] standardErrors, double[] tValues,
                                   double[] pValues, int lags, int dates) {

    /** How the standard errors were formed. */
    public enum Method {
        /** Time-series mean of per-date cross-sectional coefficients, Newey–West standard errors. */
        FAMA_MACBETH,
        /** Pooled OLS with Driscoll–Kraay (date-summed scores, Newey–West over dates) standard errors. */
        DRISCOLL_KRAAY
    }

    public CoefficientInference {
        estimates = estimates.clone();
        standardErrors = standardErrors.clone();
        tValues = tValues.clone();
        pValues = pValues.clone();
    }
}

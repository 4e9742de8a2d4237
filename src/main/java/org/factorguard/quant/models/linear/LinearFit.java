package org.factorguard.quant.models.linear;

import java.util.List;

import org.factorguard.quant.models.ModelFit;

/**
 * Estimated linear factor model {@code R_{i,t+h} = α + Σ_k β_k F_{k,i,t} + ε} (coefficients refer to the
 * prepared factors, i.e. after the fold's {@link org.factorguard.quant.models.FeatureScaler}).
 *
 * @param factorNames       factor of each {@code β_k}
 * @param alpha             intercept {@code α}
 * @param beta              slopes {@code β_k}
 * @param alphaStandardError standard error of {@code α}
 * @param betaStandardErrors standard errors of {@code β_k}
 * @param rSquared          in-sample {@code R² = 1 − RSS/TSS}
 * @param adjustedRSquared  {@code 1 − (1 − R²)(n − 1)/(n − p − 1)}
 * @param residualVariance  {@code σ̂² = RSS/(n − p − 1)}
 * @param observations      pooled stock-days {@code n}
 * @param ridgeLambda       ridge penalty λ (0 = ordinary least squares)
 * @param inference         per-date data for Fama–MacBeth and Driscoll–Kraay standard errors (null when not kept)
 *
 * <p>{@code alphaStandardError}, {@code betaStandardErrors} and the t-values derived from them are the textbook
 * pooled ones, which treat every stock-day as an independent observation. With overlapping h-day labels and
 * instruments that move together they overstate significance; report {@link #famaMacBeth(int)} (or
 * {@link #driscollKraay(int)}) instead.
 */
public record LinearFit(List<String> factorNames, double alpha, double[] beta, double alphaStandardError,
                        double[] betaStandardErrors, double rSquared, double adjustedRSquared, double residualVariance,
                        long observations, double ridgeLambda, PanelInference inference) implements ModelFit {

    public LinearFit {
        factorNames = List.copyOf(factorNames);
        beta = beta.clone();
        betaStandardErrors = betaStandardErrors.clone();
    }

    /** A fit without per-date inference data. */
    public LinearFit(List<String> factorNames, double alpha, double[] beta, double alphaStandardError,
                     double[] betaStandardErrors, double rSquared, double adjustedRSquared, double residualVariance,
                     long observations, double ridgeLambda) {
        this(factorNames, alpha, beta, alphaStandardError, betaStandardErrors, rSquared, adjustedRSquared,
                residualVariance, observations, ridgeLambda, null);
    }

    /**
     * Fama–MacBeth coefficients with Newey–West (h − 1 lags) standard errors, for labels of horizon h
     * (index 0 = α); see {@link PanelInference}.
     */
    public CoefficientInference famaMacBeth(int horizon) {
        return requireInference().famaMacBeth(horizon);
    }

    /** The pooled OLS coefficients with Driscoll–Kraay (h − 1 lags) standard errors (OLS fits only). */
    public CoefficientInference driscollKraay(int horizon) {
        return requireInference().driscollKraay(horizon);
    }

    private PanelInference requireInference() {
        if (inference == null) {
            throw new IllegalStateException("this fit kept no per-date inference data");
        }
        return inference;
    }

    /** Pooled {@code t = α / SE(α)} (independent stock-days assumed, see the class comment). */
    public double alphaTValue() {
        return alpha / alphaStandardError;
    }

    /** Pooled {@code t_k = β_k / SE(β_k)} (independent stock-days assumed, see the class comment). */
    public double[] betaTValues() {
        double[] t = new double[beta.length];
        for (int k = 0; k < beta.length; k++) {
            t[k] = beta[k] / betaStandardErrors[k];
        }
        return t;
    }

    @Override
    public long trainingSamples() {
        return observations;
    }
}

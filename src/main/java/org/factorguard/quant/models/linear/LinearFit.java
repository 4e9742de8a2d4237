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
 */
public record LinearFit(List<String> factorNames, double alpha, double[] beta, double alphaStandardError,
                        double[] betaStandardErrors, double rSquared, double adjustedRSquared, double residualVariance,
                        long observations, double ridgeLambda) implements ModelFit {

    public LinearFit {
        factorNames = List.copyOf(factorNames);
        beta = beta.clone();
        betaStandardErrors = betaStandardErrors.clone();
    }

    /** {@code t = α / SE(α)}. */
    public double alphaTValue() {
        return alpha / alphaStandardError;
    }

    /** {@code t_k = β_k / SE(β_k)}. */
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

package org.factorguard.quant.risk;

import java.util.Objects;

/**
 * Ledoit–Wolf shrinkage covariance Σ̂ = δ·F + (1 − δ)·S, where S is the sample covariance with divisor T
 * (as in the papers), F a structured target and δ ∈ [0, 1] the estimated optimal shrinkage intensity.
 *
 * <ul>
 *   <li>{@link Target#CONSTANT_CORRELATION} (default): F<sub>ii</sub> = S<sub>ii</sub>,
 *       F<sub>ij</sub> = r̄·√(S<sub>ii</sub>S<sub>jj</sub>) with r̄ the average sample correlation;
 *       δ = max(0, min(1, κ/T)), κ = (π − ρ)/γ. O. Ledoit and M. Wolf, "Honey, I shrunk the sample
 *       covariance matrix", Journal of Portfolio Management 30(4), 2004 (their covCor code).</li>
 *   <li>{@link Target#SCALED_IDENTITY}: F = m·I with m = tr(S)/N; δ = min(b̄², d²)/d² with
 *       d² = ‖S − mI‖²<sub>F</sub> and b̄² = T<sup>−2</sup>Σ<sub>t</sub>‖x<sub>t</sub>x<sub>t</sub>' − S‖²<sub>F</sub>.
 *       O. Ledoit and M. Wolf, "A well-conditioned estimator for large-dimensional covariance matrices",
 *       Journal of Multivariate Analysis 88(2), 2004.</li>
 * </ul>
 *
 * <p>Missing returns follow the rule of {@link CovarianceEstimator}. The last estimated intensity is
 * available from {@link #estimateWithIntensity}.
 */
public final class LedoitWolfCovariance implements CovarianceEstimator {

    /** The shrinkage target. */
    public enum Target { CONSTANT_CORRELATION, SCALED_IDENTITY }

    /** Shrunk covariance and the shrinkage intensity δ that produced it. */
    public record Shrunk(double[][] covariance, double intensity) {
    }

    private final Target target;

    public LedoitWolfCovariance() {
        this(Target.CONSTANT_CORRELATION);
    }

    public LedoitWolfCovariance(Target target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    public Target target() {
        return target;
    }

    @Override
    public double[][] estimate(double[][] returnsByDay) {
        return estimateWithIntensity(returnsByDay).covariance();
    }

    @Override
    public String name() {
        return target == Target.CONSTANT_CORRELATION
                ? "ledoit-wolf (constant correlation)" : "ledoit-wolf (scaled identity)";
    }

    /** The shrunk covariance together with the shrinkage intensity δ. */
    public Shrunk estimateWithIntensity(double[][] returnsByDay) {
        DemeanedReturns d = new DemeanedReturns(returnsByDay);
        Shrunk shrunk = d.assets == 1 || d.days < 2
                ? new Shrunk(d.crossProducts(Math.max(1, d.days)), 0.0)
                : target == Target.CONSTANT_CORRELATION ? constantCorrelation(d) : scaledIdentity(d);
        d.fillUnobserved(shrunk.covariance());
        return shrunk;
    }

    private static Shrunk constantCorrelation(DemeanedReturns d) {
        int n = d.assets;
        int t = d.days;
        double[][] x = d.x;
        double[][] s = d.crossProducts(t);
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(s[i][i]);
        }
        double corrSum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && sd[i] > 0 && sd[j] > 0) {
                    corrSum += s[i][j] / (sd[i] * sd[j]);
                    pairs++;
                }
            }
        }
        double rbar = pairs > 0 ? corrSum / pairs : 0.0;
        double[][] prior = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                prior[i][j] = i == j ? s[i][i] : rbar * (sd[i] * sd[j]);
            }
        }
        // pi: sum of asymptotic variances of sqrt(T)·s_ij; rho: covariance of prior and sample
        double pi = 0;
        double rhoDiag = 0;
        double rhoOff = 0;
        double[][] phi = new double[n][n];
        double[][] theta = new double[n][n]; // theta[i][j] = mean_t(x_ti^3 x_tj) - s_ii s_ij
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                double xi = row[i];
                double xi2 = xi * xi;
                double xi3 = xi2 * xi;
                for (int j = 0; j < n; j++) {
                    double p = xi * row[j] - s[i][j];
                    phi[i][j] += p * p;
                    theta[i][j] += xi3 * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                phi[i][j] /= t;
                pi += phi[i][j];
                if (i == j) {
                    rhoDiag += phi[i][i];
                } else if (sd[i] > 0 && sd[j] > 0) {
                    double thetaIj = theta[i][j] / t - s[i][i] * s[i][j];
                    rhoOff += sd[j] / sd[i] * thetaIj;
                }
            }
        }
        double rho = rhoDiag + rbar * rhoOff;
        double gamma = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double g = s[i][j] - prior[i][j];
                gamma += g * g;
            }
        }
        double delta = gamma > 0 ? Math.max(0.0, Math.min(1.0, (pi - rho) / gamma / t)) : 1.0;
        return new Shrunk(blend(prior, s, delta), delta);
    }

    private static Shrunk scaledIdentity(DemeanedReturns d) {
        int n = d.assets;
        int t = d.days;
        double[][] s = d.crossProducts(t);
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += s[i][i];
        }
        m /= n;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = s[i][j] - (i == j ? m : 0.0);
                d2 += v * v;
            }
        }
        double b2 = 0;
        for (double[] row : d.x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = row[i] * row[j] - s[i][j];
                    b2 += v * v;
                }
            }
        }
        b2 /= (double) t * t;
        double delta = d2 > 0 ? Math.min(b2, d2) / d2 : 1.0;
        double[][] prior = new double[n][n];
        for (int i = 0; i < n; i++) {
            prior[i][i] = m;
        }
        return new Shrunk(blend(prior, s, delta), delta);
    }

    private static double[][] blend(double[][] prior, double[][] sample, double delta) {
        int n = sample.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = delta * prior[i][j] + (1 - delta) * sample[i][j];
            }
        }
        return out;
    }
}

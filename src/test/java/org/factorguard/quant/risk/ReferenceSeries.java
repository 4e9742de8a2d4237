package org.factorguard.quant.risk;

/**
 * Deterministic test series that src/test/reference/reference_series.py reproduces bit for bit (integer LCG) or to
 * the last ulp (Box–Muller), so reference vectors computed in Python need no pasted inputs.
 */
public final class ReferenceSeries {

    private long state;

    public ReferenceSeries(long seed) {
        this.state = seed & 0xFFFFFFFFL;
    }

    /** Uniform in (0, 1): Numerical Recipes' LCG x ← (1664525x + 1013904223) mod 2³², u = (x + 0.5)/2³². */
    public double uniform() {
        state = (1664525L * state + 1013904223L) & 0xFFFFFFFFL;
        return (state + 0.5) / 4294967296.0;
    }

    /** Standard normal by Box–Muller on two uniforms (the cosine branch only). */
    public double gaussian() {
        double u1 = uniform();
        double u2 = uniform();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    public double[] gaussians(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = gaussian();
        }
        return out;
    }

    /** x<sub>t</sub> = e<sub>t</sub> + … + e<sub>t−q</sub> (unit weights) on fresh Gaussians. */
    public double[] movingAverage(int n, int q) {
        double[] e = gaussians(n + q);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double s = 0;
            for (int k = 0; k <= q; k++) {
                s += e[t + k];
            }
            out[t] = s;
        }
        return out;
    }

    /** AR(1) x<sub>t</sub> = φx<sub>t−1</sub> + e<sub>t</sub>, x<sub>0</sub> = e<sub>0</sub>. */
    public double[] autoregressive(int n, double phi) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            double e = gaussian();
            x[t] = t == 0 ? e : phi * x[t - 1] + e;
        }
        return x;
    }
}

package org.factorguard.quant.models;

/**
 * Predictions for days {@code fromDay + r}: {@code mean[r][instrument]}, and for ensembles the standard
 * deviation between members' predictions {@code memberSpread[r][instrument]} ({@code null} for a single
 * model). NaN where no prediction is possible (instrument without factor values that day).
 */
public record Forecast(int fromDay, float[][] mean, float[][] memberSpread) {

    /** Average between-member standard deviation over all predicted entries (NaN for a single model). */
    public double averageMemberSpread() {
        if (memberSpread == null) {
            return Double.NaN;
        }
        double sum = 0;
        long n = 0;
        for (float[] row : memberSpread) {
            for (float v : row) {
                if (Float.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}

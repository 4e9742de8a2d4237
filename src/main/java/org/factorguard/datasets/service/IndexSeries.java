package org.factorguard.datasets.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The index levels of a dataset for charts.
 *
 * @param marketMethod   IMPORTED, CAP_WEIGHTED or EQUAL_WEIGHTED
 * @param industries     industry index levels by industry (empty for index-series datasets)
 */
public record IndexSeries(List<LocalDate> dates, double[] market, String marketMethod, Map<String, double[]> industries,
                          String industryMethod) {

    /**
     * The change of an index since its first positive level, as a fraction: L_t / L_first − 1. NaN before
     * that day and wherever the level is missing.
     */
    public static double[] changeSinceFirst(double[] levels) {
        double[] change = new double[levels.length];
        double base = Double.NaN;
        for (int t = 0; t < levels.length; t++) {
            double v = levels[t];
            if (Double.isNaN(base) && Double.isFinite(v) && v > 0) {
                base = v;
            }
            change[t] = Double.isFinite(v) && !Double.isNaN(base) ? v / base - 1 : Double.NaN;
        }
        return change;
    }
}

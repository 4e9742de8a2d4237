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
}

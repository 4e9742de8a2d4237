package org.factorguard.studies.service;

import org.factorguard.quant.risk.PerformanceSummary;

/**
 * The result of one study of a setting sweep: its report, the out-of-sample Table 1 rows of the LSTM and linear
 * portfolios, and the LSTM's deflated Sharpe ratio with its N (which counts the sweep's other studies).
 *
 * @param deflatedSharpe probability that the LSTM's Sharpe ratio beats the best of N unskilled trials, or NaN
 */
public record SweepOutcome(String value, String label, long reportId, String reportTitle, PerformanceSummary lstm,
                           PerformanceSummary linear, double deflatedSharpe, int trials) {
}

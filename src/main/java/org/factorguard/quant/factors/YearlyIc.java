package org.factorguard.quant.factors;

import java.io.Serializable;

/** Stability: the mean daily Rank IC (primary horizon) over the valid days of one calendar year. */
public record YearlyIc(int year, double meanRankIc, int days) implements Serializable {
}

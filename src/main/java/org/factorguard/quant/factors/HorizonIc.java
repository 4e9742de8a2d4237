package org.factorguard.quant.factors;

import java.io.Serializable;

/** IC decay point: the factor's mean daily Rank IC and Rank ICIR against forward returns over {@code horizon} days. */
public record HorizonIc(int horizon, double meanRankIc, double rankIcir, int days) implements Serializable {
}

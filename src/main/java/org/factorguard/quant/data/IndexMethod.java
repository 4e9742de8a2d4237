package org.factorguard.quant.data;

/** How an index series of a dataset came about. */
public enum IndexMethod {
    /** Imported as given (e.g. a wide close-price index file). */
    IMPORTED,
    /** Derived from member closes, weighted by previous-day market capitalisation. */
    CAP_WEIGHTED,
    /** Derived from member closes, equally weighted (daily rebalanced) when caps are unknown. */
    EQUAL_WEIGHTED
}

package org.factorguard.datasets.domain;

/** What a dataset's instruments are. */
public enum DatasetContentType {
    /** Stocks with daily bars (long CSV format or the synthetic market). */
    STOCKS,
    /** Close-only index series, one per column of a wide CSV file (e.g. benchmark indices). */
    INDEX_SERIES;

    public String label() {
        return this == STOCKS ? "Stocks" : "Index series";
    }
}

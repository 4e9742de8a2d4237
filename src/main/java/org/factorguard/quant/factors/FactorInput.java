package org.factorguard.quant.factors;

/**
 * Market data a factor reads besides the close. A dataset that lacks an input cannot supply the factor: its
 * values would be missing on every day ({@link FactorAvailability}).
 */
public enum FactorInput {
    /** Daily traded volume (shares). */
    VOLUME("daily volume"),
    /** Shares outstanding, for market capitalisation and turnover. */
    SHARES_OUTSTANDING("shares outstanding"),
    /** Trailing earnings per share, or an imported P/E. */
    EARNINGS("earnings per share (or P/E)"),
    /** Book value per share, or an imported P/B. */
    BOOK_VALUE("book value per share (or P/B)"),
    /** An industry classification with at least two industries in the universe. */
    INDUSTRIES("an industry classification with at least two industries");

    private final String description;

    FactorInput(String description) {
        this.description = description;
    }

    /** What the input is, in words, e.g. "daily volume". */
    public String description() {
        return description;
    }
}

package org.factorguard.quant.data;

import java.util.Objects;

/**
 * One tradable instrument of a dataset.
 *
 * @param ticker   unique symbol within the dataset (upper case by convention)
 * @param name     display name (may equal the ticker)
 * @param industry industry / sector label; {@link #UNCLASSIFIED} when the source gives none
 */
public record Instrument(String ticker, String name, String industry) {

    public static final String UNCLASSIFIED = "Unclassified";

    public Instrument {
        Objects.requireNonNull(ticker, "ticker");
        if (ticker.isBlank()) {
            throw new IllegalArgumentException("ticker must not be blank");
        }
        name = (name == null || name.isBlank()) ? ticker : name;
        industry = (industry == null || industry.isBlank()) ? UNCLASSIFIED : industry;
    }
}

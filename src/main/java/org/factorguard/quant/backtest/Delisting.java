package org.factorguard.quant.backtest;

import java.time.LocalDate;

/**
 * A position closed because the instrument's prices ended before the data did (delisting, merger, bankruptcy):
 * sold at its last price at the close of the first trading day without one.
 *
 * @param ticker         the instrument
 * @param lastPriceDate  the date of its last close
 * @param soldOn         the date of the forced sale (the next trading day)
 * @param weightHeld     its weight in the portfolio at the sale, before it was sold
 */
public record Delisting(String ticker, LocalDate lastPriceDate, LocalDate soldOn, double weightHeld) {
}

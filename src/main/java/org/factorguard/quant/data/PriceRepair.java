package org.factorguard.quant.data;

import java.time.LocalDate;

/**
 * One isolated bad tick repaired for P&amp;L by {@link BadTickRepair}.
 *
 * @param ticker        the instrument
 * @param date          the day of the bad close
 * @param rawClose      the close as imported
 * @param repairedClose the close the P&amp;L uses instead: the previous close moved by the day's market move
 * @param reason        the measured sizes that made it a bad tick, in words
 */
public record PriceRepair(String ticker, LocalDate date, double rawClose, double repairedClose, String reason) {
}

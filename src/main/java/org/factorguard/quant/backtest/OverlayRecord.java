package org.factorguard.quant.backtest;

import java.time.LocalDate;

/**
 * What the {@link DrawdownOverlay} did in one backtest.
 *
 * @param settings       the overlay's settings
 * @param exposure       the book's exposure held after each return day's close (aligned with the result's dates)
 * @param actedDays      data-set indices of the closes at which the overlay changed the exposure (traded next close)
 * @param actedDates     their dates
 * @param withoutOverlay the same decisions traded at full exposure: the model's own portfolio apart from the control
 */
public record OverlayRecord(DrawdownOverlaySettings settings, double[] exposure, int[] actedDays,
                            LocalDate[] actedDates, BacktestResult withoutOverlay) {
}

package org.factorguard.quant.backtest;

import java.util.Arrays;
import org.factorguard.quant.data.MarketData;

/**
 * What a backtest trades on: the prices portfolios earn, the closes decisions may see, and when positions are
 * closed by a delisting.
 *
 * @param pnl            the P&amp;L data: raw closes (only listed bad ticks repaired), its market index and
 *                       instruments; a missing close is carried forward (a return of 0)
 * @param decisionClose  closes [instrument][day] a {@link WeightPolicy} and the overlay see (the causal view)
 * @param delistingDay   per instrument the day of the forced sale at its last price, {@link Integer#MAX_VALUE}
 *                       when its prices do not end before the data's
 */
public record TradingData(MarketData pnl, double[][] decisionClose, int[] delistingDay) {

    /** Decisions see the same closes; instruments whose last close comes before the data's last day delist. */
    public static TradingData of(MarketData data) {
        return new TradingData(data, data.close(), delistingDays(data.close(), data.dayCount()));
    }

    /** The forced-sale day (the day after the last close) of each row whose last close is before {@code days − 1}. */
    public static int[] delistingDays(double[][] close, int days) {
        int[] out = new int[close.length];
        Arrays.fill(out, Integer.MAX_VALUE);
        for (int i = 0; i < close.length; i++) {
            int last = -1;
            for (int d = 0; d < days; d++) {
                if (close[i][d] > 0 && Double.isFinite(close[i][d])) {
                    last = d;
                }
            }
            if (last >= 0 && last < days - 1) {
                out[i] = last + 1;
            }
        }
        return out;
    }
}

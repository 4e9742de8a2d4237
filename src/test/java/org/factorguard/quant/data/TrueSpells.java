package org.factorguard.quant.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The spells of a market's true regimes and what the index did over each, for the generator's tests and the
 * calibration tools (SyntheticMarketTest, DefaultSeedRule, CalibrationBenchmark).
 */
public final class TrueSpells {

    private TrueSpells() {
    }

    /**
     * One spell: days [start, start + length) of {@code regime}, measured from the close before it (the anchor).
     *
     * @param annualDrift  the index's log change from the anchor to the spell's last close, a year (252 days)
     * @param peakToTrough the largest fall from a running peak over the anchor and the spell (≤ 0, a fraction)
     * @param range        ln(highest / lowest level) over the anchor and the spell
     * @param cut          whether the end of the data cuts the spell (the last one)
     */
    public record Move(Regime regime, int start, int length, double annualDrift, double peakToTrough, double range,
                       boolean cut) {
    }

    /** Every spell of {@code market}'s true regimes in time order, the last one marked cut. */
    public static List<Move> of(MarketData market) {
        Regime[] regimes = market.trueRegimes();
        double[] index = market.marketIndex();
        List<Move> out = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= regimes.length; t++) {
            if (t < regimes.length && regimes[t] == regimes[start]) {
                continue;
            }
            int anchor = Math.max(start - 1, 0);
            int last = t - 1;
            double peak = index[anchor];
            double fall = 0;
            double high = index[anchor];
            double low = index[anchor];
            for (int d = anchor; d <= last; d++) {
                peak = Math.max(peak, index[d]);
                fall = Math.min(fall, index[d] / peak - 1);
                high = Math.max(high, index[d]);
                low = Math.min(low, index[d]);
            }
            double drift = Math.log(index[last] / index[anchor]) * 252.0 / Math.max(1, last - anchor);
            out.add(new Move(regimes[start], start, t - start, drift, fall, Math.log(high / low),
                    t == regimes.length));
            start = t;
        }
        return out;
    }
}

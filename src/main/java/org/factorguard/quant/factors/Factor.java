package org.factorguard.quant.factors;

import java.util.Set;
import org.factorguard.quant.data.MarketData;

/**
 * A candidate factor: a rule that turns market data into one exposure per instrument and day.
 *
 * <p>Contract of {@link #compute}: the result is {@code float[day][instrument]} aligned with
 * {@link MarketData#dates()} and {@link MarketData#instruments()}; the value at day {@code t} uses data
 * up to and including day {@code t} only (no look-ahead), and is {@link Float#NaN} while the look-back
 * window is not yet full or an input is missing.
 *
 * <p>The standard candidates live in {@link FactorLibrary}; the screening methodology follows
 * Grinold &amp; Kahn, <i>Active Portfolio Management</i> (2000), ch. 6 and 16 (information coefficient).
 */
public interface Factor {

    /** Stable identifier used in settings, reports and stored studies, e.g. {@code "MOM_60"}. */
    String id();

    /** Short human name, e.g. "Momentum 60 days". */
    String displayName();

    /** One or two sentences on what the factor measures and why it might predict returns. */
    String description();

    /** The formula in plain text, e.g. {@code "ln(P_t / P_{t-60})"}. */
    String formula();

    /** Trading days of history before {@code t} the value needs (0 = same-day data only). */
    int lookBackDays();

    /**
     * Sign of the relation with future returns reported in the literature: +1, −1, or 0 when unknown or
     * disputed. Screening reports the share of days whose IC has this sign (or the sign of the mean IC when 0).
     */
    int expectedSign();

    FactorCategory category();

    /** Level at which the factor varies across the universe; {@link FactorScope#INSTRUMENT} for most factors. */
    default FactorScope scope() {
        return FactorScope.INSTRUMENT;
    }

    /** Inputs the factor reads besides the close (and the indices derived from closes); none for price factors. */
    default Set<FactorInput> inputs() {
        return Set.of();
    }

    /** Raw factor values {@code [day][instrument]}; see the class comment for the contract. */
    float[][] compute(MarketData data);
}

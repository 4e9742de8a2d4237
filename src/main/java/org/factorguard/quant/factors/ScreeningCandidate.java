package org.factorguard.quant.factors;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the screen needs to know about a factor besides its values.
 *
 * @param factorId     the factor's id, as in the {@link FactorPanel}
 * @param expectedSign +1, −1 or 0 (unknown: the sign of the mean IC is used)
 * @param scope        level at which the factor varies; {@link FactorScope#MARKET} factors are not IC-screened
 */
public record ScreeningCandidate(String factorId, int expectedSign, FactorScope scope) implements Serializable {

    public ScreeningCandidate {
        Objects.requireNonNull(factorId);
        Objects.requireNonNull(scope);
        if (expectedSign < -1 || expectedSign > 1) {
            throw new IllegalArgumentException("expected sign must be -1, 0 or +1");
        }
    }

    public static ScreeningCandidate of(Factor factor) {
        return new ScreeningCandidate(factor.id(), factor.expectedSign(), factor.scope());
    }
}

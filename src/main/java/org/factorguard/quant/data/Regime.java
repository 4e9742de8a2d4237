package org.factorguard.quant.data;

/**
 * Market regime of a trading day, as in Table 2 of Li, Gu et al. (2025): bull, bear and sideways
 * (the paper's "shock" market).
 */
public enum Regime {
    BULL, BEAR, SIDEWAYS;

    public String label() {
        return switch (this) {
            case BULL -> "Bull";
            case BEAR -> "Bear";
            case SIDEWAYS -> "Sideways";
        };
    }
}

package org.factorguard.quant.factors;

/** Family a candidate factor belongs to; used to group factors in reports and pickers. */
public enum FactorCategory {
    MARKET("Market"),
    INDUSTRY("Industry"),
    VALUE("Value"),
    SIZE("Size"),
    LIQUIDITY("Volume and liquidity"),
    MOMENTUM("Momentum"),
    REVERSAL("Reversal"),
    VOLATILITY("Volatility"),
    BETA("Market sensitivity"),
    TECHNICAL("Technical");

    private final String displayName;

    FactorCategory(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}

package org.factorguard.quant.factors;

import org.factorguard.quant.data.MarketData;

/** Test factor whose values are given up front (a planted signal or pure noise). */
record PrecomputedFactor(String id, int expectedSign, float[][] values) implements Factor {

    @Override
    public String displayName() {
        return id;
    }

    @Override
    public String description() {
        return "test factor";
    }

    @Override
    public String formula() {
        return "given";
    }

    @Override
    public int lookBackDays() {
        return 0;
    }

    @Override
    public FactorCategory category() {
        return FactorCategory.TECHNICAL;
    }

    @Override
    public float[][] compute(MarketData data) {
        return values;
    }
}

package org.factorguard.reports.service;

import java.util.ArrayList;
import java.util.List;
import org.factorguard.quant.data.Regime;

/** A run of consecutive days in one regime, from day index {@code first} to {@code last} inclusive. */
public record RegimeSpell(Regime regime, int first, int last) {

    /** The spells of a daily regime sequence, in order; none for an empty one. */
    public static List<RegimeSpell> of(Regime[] daily) {
        List<RegimeSpell> spells = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= daily.length && daily.length > 0; t++) {
            if (t == daily.length || daily[t] != daily[start]) {
                spells.add(new RegimeSpell(daily[start], start, t - 1));
                start = t;
            }
        }
        return spells;
    }
}

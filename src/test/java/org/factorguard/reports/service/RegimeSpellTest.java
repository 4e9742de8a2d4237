package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factorguard.quant.data.Regime.BEAR;
import static org.factorguard.quant.data.Regime.BULL;
import static org.factorguard.quant.data.Regime.SIDEWAYS;

import org.factorguard.quant.data.Regime;
import org.junit.jupiter.api.Test;

class RegimeSpellTest {

    @Test
    void consecutive_days_in_one_regime_form_one_spell() {
        assertThat(RegimeSpell.of(new Regime[] {BULL, BULL, BEAR, SIDEWAYS, SIDEWAYS, SIDEWAYS, BULL}))
                .containsExactly(new RegimeSpell(BULL, 0, 1), new RegimeSpell(BEAR, 2, 2),
                        new RegimeSpell(SIDEWAYS, 3, 5), new RegimeSpell(BULL, 6, 6));
    }

    @Test
    void no_days_have_no_spells() {
        assertThat(RegimeSpell.of(new Regime[0])).isEmpty();
    }
}

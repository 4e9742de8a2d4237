package org.factorguard.quant.factors;

/**
 * At what level a factor varies across the universe on one day. It decides how the factor is
 * prepared cross-sectionally and whether a cross-sectional IC is defined.
 */
public enum FactorScope {
    /** Varies from instrument to instrument: winsorised, optionally industry-neutralised, z-scored, screened by IC. */
    INSTRUMENT,
    /**
     * Identical for all members of an industry (e.g. the industry index return): winsorised and z-scored
     * but never industry-neutralised (that would set it to zero); screened by IC.
     */
    INDUSTRY,
    /**
     * Identical for every instrument on a day (e.g. the market index return): passed through unchanged
     * by cross-sectional preparation and not screened by IC, whose cross-sectional correlation is undefined.
     * Time-series models (the linear benchmark R_t = α + Σ β_i F_it + ε, the LSTM) can still use it.
     */
    MARKET
}

package org.factorguard.quant.study;

/**
 * Where the factors a study's models use come from.
 * <ul>
 *   <li>{@link #SCREENED_PER_FOLD}: the study's factor list holds the candidates; every walk-forward fold screens
 *       them on its own training window (labels known by the end of that window, purged as the fold purges) with
 *       the screen's rule, and that fold's models use the factors it selects. Out of sample by construction.</li>
 *   <li>{@link #HAND_PICKED}: the factor list is used as picked in every fold. When it was picked after a screen
 *       over the whole period, the selection has seen the test period and the result says so.</li>
 * </ul>
 */
public enum FactorSelectionMode { SCREENED_PER_FOLD, HAND_PICKED }

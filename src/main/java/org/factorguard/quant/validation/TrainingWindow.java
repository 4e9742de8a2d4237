package org.factorguard.quant.validation;

/** How the training window moves from one walk-forward fold to the next. */
public enum TrainingWindow {
    /** Training always starts at the first usable day and grows by one step per fold (anchored). */
    EXPANDING,
    /** Training keeps a fixed length and slides forward by one step per fold. */
    ROLLING
}

package org.factorguard.quant.models;

import java.util.List;

/**
 * Settings of {@link PermutationImportance}; the work per fold is about
 * {@code (factors + blocks) × repeats + 1} predictions of the evaluated days.
 *
 * @param repeats     permutations per factor (and per time block), averaged; their spread is reported
 * @param maxDays     at most this many test days are evaluated, evenly spaced over the slice's days that have
 *                    labels (0 = all of them); bounds the time for sequence models
 * @param seed        seed of the permutations (each day's permutation depends on seed, factor or block, repeat
 *                    and day only, so results do not depend on how the work is chunked)
 * @param blockLags   boundaries of the look-back blocks in days before the prediction day: {@code [5, 20]} gives
 *                    the blocks of lags 0–4 ("the last 5 days"), 5–19 and 20 to L − 1 (omitted when empty);
 *                    used for {@link SequenceInputModel}s only
 */
public record ImportanceSettings(int repeats, int maxDays, long seed, List<Integer> blockLags) {

    public ImportanceSettings {
        if (repeats < 1 || repeats > 100) {
            throw new IllegalArgumentException("repeats must be between 1 and 100, was " + repeats);
        }
        if (maxDays < 0) {
            throw new IllegalArgumentException("max days must be non-negative (0 = all), was " + maxDays);
        }
        blockLags = List.copyOf(blockLags);
        for (int b = 0; b < blockLags.size(); b++) {
            if (blockLags.get(b) < 1 || b > 0 && blockLags.get(b) <= blockLags.get(b - 1)) {
                throw new IllegalArgumentException("block boundaries must be positive and increasing: " + blockLags);
            }
        }
    }

    /**
     * 2 repeats, at most 20 evaluated days per fold, seed 42, blocks of the last 5 days, days 6–20 and older: sized
     * so that the tear-sheet analytics stay near a tenth of the default study's time (docs/tear-sheets.md).
     */
    public static ImportanceSettings defaults() {
        return new ImportanceSettings(2, 20, 42L, List.of(5, 20));
    }

    public ImportanceSettings withRepeats(int value) {
        return new ImportanceSettings(value, maxDays, seed, blockLags);
    }

    public ImportanceSettings withMaxDays(int value) {
        return new ImportanceSettings(repeats, value, seed, blockLags);
    }

    public ImportanceSettings withSeed(long value) {
        return new ImportanceSettings(repeats, maxDays, value, blockLags);
    }

    public ImportanceSettings withBlockLags(List<Integer> value) {
        return new ImportanceSettings(repeats, maxDays, seed, value);
    }
}

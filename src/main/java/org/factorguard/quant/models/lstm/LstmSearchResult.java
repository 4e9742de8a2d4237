package org.factorguard.quant.models.lstm;

import java.util.List;

/**
 * What a fold's {@link LstmConfigurationSearch} tried and chose.
 *
 * @param candidates every configuration tried, in grid order (one entry, unscored, when nothing was searched)
 * @param lookback   the chosen look-back
 * @param units      the chosen hidden units
 * @param criterion  how the choice was made, in words
 */
public record LstmSearchResult(List<Candidate> candidates, int lookback, int units, String criterion) {

    public LstmSearchResult {
        candidates = List.copyOf(candidates);
    }

    /**
     * One configuration's search run.
     *
     * @param validationRankIc mean daily Rank IC of its predictions on the validation days (NaN when not scored)
     * @param validationMse    validation MSE at its kept epoch
     * @param bestEpoch        the kept epoch (lowest validation loss)
     * @param epochs           epochs trained
     */
    public record Candidate(int lookback, int units, double validationRankIc, double validationMse, int bestEpoch,
                            int epochs) {
    }

    /** Nothing searched: the model's own configuration, with the reason. */
    public static LstmSearchResult unsearched(int lookback, int units, String reason) {
        return new LstmSearchResult(List.of(new Candidate(lookback, units, Double.NaN, Double.NaN, 0, 0)), lookback,
                units, reason);
    }

    /** Configurations evaluated for this choice (what a deflated Sharpe ratio counts). */
    public int configurationsEvaluated() {
        return candidates.size();
    }
}

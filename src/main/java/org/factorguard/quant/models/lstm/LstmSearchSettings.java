package org.factorguard.quant.models.lstm;

import java.util.ArrayList;
import java.util.List;

/**
 * The small grid from which each walk-forward fold chooses the LSTM's look-back and hidden units on its validation
 * slice ({@link LstmConfigurationSearch}). Every pair (L, H) of {@code lookbacks × units} trains one network with
 * the model's first seed for at most {@code maxEpochs} epochs on at most {@code maxTrainingSamples} samples, with
 * early stopping on the validation loss; the pair with the highest validation Rank IC then trains the model's
 * whole seed ensemble. An empty list means the model's own look-back or units only; with one pair in all there is
 * no search.
 *
 * @param lookbacks          look-backs L tried, in trading days
 * @param units              hidden units H tried
 * @param maxEpochs          epochs of each search run, at most the model's (patience as the model's)
 * @param maxTrainingSamples training stock-days of each search run, drawn with the model's seed (0 = the model's cap)
 */
public record LstmSearchSettings(List<Integer> lookbacks, List<Integer> units, int maxEpochs, int maxTrainingSamples) {

    /** Most configurations a grid may hold. */
    public static final int MAX_CONFIGURATIONS = 24;

    public LstmSearchSettings {
        lookbacks = lookbacks == null ? List.of() : List.copyOf(lookbacks);
        units = units == null ? List.of() : List.copyOf(units);
        if (lookbacks.stream().anyMatch(l -> l < 1 || l > 500)
                || lookbacks.stream().distinct().count() < lookbacks.size()) {
            throw new IllegalArgumentException("search look-backs must be distinct and between 1 and 500 days: "
                    + lookbacks);
        }
        if (units.stream().anyMatch(u -> u < 1 || u > 1024) || units.stream().distinct().count() < units.size()) {
            throw new IllegalArgumentException("search units must be distinct and between 1 and 1024: " + units);
        }
        if (Math.max(1, lookbacks.size()) * Math.max(1, units.size()) > MAX_CONFIGURATIONS) {
            throw new IllegalArgumentException("a search grid may hold at most " + MAX_CONFIGURATIONS
                    + " configurations, this one " + lookbacks.size() * units.size());
        }
        if (maxEpochs < 1 || maxEpochs > 10_000) {
            throw new IllegalArgumentException("search epochs must be between 1 and 10000, was " + maxEpochs);
        }
        if (maxTrainingSamples < 0) {
            throw new IllegalArgumentException("search training samples must be non-negative (0 = the model's cap)");
        }
    }

    /** No search: the model's own look-back and units. */
    public static LstmSearchSettings none() {
        return new LstmSearchSettings(List.of(), List.of(), 1, 0);
    }

    /** The grid's configurations {@code {L, H}}, look-back major, in the given orders. */
    public List<int[]> configurations(LstmModelSettings model) {
        List<Integer> ls = lookbacks.isEmpty() ? List.of(model.lookback()) : lookbacks;
        List<Integer> hs = units.isEmpty() ? List.of(model.network().units()) : units;
        List<int[]> out = new ArrayList<>();
        for (int l : ls) {
            for (int h : hs) {
                out.add(new int[] {l, h});
            }
        }
        return out;
    }

    /** Most epochs of a search run for {@code model}: this grid's, capped at the model's own. */
    public int epochsFor(LstmModelSettings model) {
        return Math.min(maxEpochs, model.network().maxEpochs());
    }

    /** Whether more than one configuration is tried. */
    public boolean searches(LstmModelSettings model) {
        return configurations(model).size() > 1;
    }

    /** The longest look-back any configuration may use (the model's own included). */
    public int longestLookback(LstmModelSettings model) {
        return Math.max(model.lookback(), lookbacks.stream().mapToInt(Integer::intValue).max().orElse(1));
    }
}

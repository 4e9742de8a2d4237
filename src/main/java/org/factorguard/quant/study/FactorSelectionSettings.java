package org.factorguard.quant.study;

import java.util.List;
import org.factorguard.quant.factors.ScreeningSettings;

/**
 * How a {@link Study} chooses its models' factors (see {@link FactorSelectionMode}).
 *
 * @param mode                        screened inside each fold, or hand-picked
 * @param screening                   the screen's settings and selection rule for {@link
 *                                    FactorSelectionMode#SCREENED_PER_FOLD}; its primary horizon must be the
 *                                    study's forward horizon (null for hand-picked factors)
 * @param pickedAfterFullPeriodScreen for {@link FactorSelectionMode#HAND_PICKED}: the list was saved after reading a
 *                                    screen over the portfolio's whole date range, so it is not out of sample
 */
public record FactorSelectionSettings(FactorSelectionMode mode, ScreeningSettings screening,
                                      boolean pickedAfterFullPeriodScreen) {

    /** IC decay horizons shown next to the primary (model) horizon. */
    public static final List<Integer> DECAY_HORIZONS = List.of(1, 5, 20);

    public FactorSelectionSettings {
        if (mode == null) {
            throw new StudyConfigException(List.of(
                    "choose how factors are selected (screened per fold or hand-picked)"));
        }
        if (mode == FactorSelectionMode.SCREENED_PER_FOLD && screening == null) {
            throw new StudyConfigException(List.of("factors screened per fold need the screen's settings"));
        }
        if (mode == FactorSelectionMode.HAND_PICKED) {
            screening = null;
        }
    }

    /**
     * Each fold screens the candidates on its training window with the default rule ({@link
     * ScreeningSettings#defaults()}), judged at the model's forward {@code horizon}, with the 1/5/20-day decay.
     */
    public static FactorSelectionSettings screenedPerFold(int horizon) {
        return new FactorSelectionSettings(FactorSelectionMode.SCREENED_PER_FOLD,
                ScreeningSettings.defaults().withHorizons(DECAY_HORIZONS, horizon), false);
    }

    /** The factor list used as picked; {@code afterFullPeriodScreen} when it was chosen from a full-period screen. */
    public static FactorSelectionSettings handPicked(boolean afterFullPeriodScreen) {
        return new FactorSelectionSettings(FactorSelectionMode.HAND_PICKED, null, afterFullPeriodScreen);
    }

    public boolean screenedPerFold() {
        return mode == FactorSelectionMode.SCREENED_PER_FOLD;
    }
}

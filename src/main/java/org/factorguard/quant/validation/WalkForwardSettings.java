package org.factorguard.quant.validation;

/**
 * Settings of a walk-forward plan (see {@link WalkForwardPlan}).
 *
 * @param window          expanding (anchored) or rolling training window
 * @param trainingDays    training window length: the minimum (first fold) for an expanding window,
 *                        the fixed length for a rolling one
 * @param validationDays  validation slice after training, used for early stopping (0 = none)
 * @param testDays        test slice length and the step between folds, i.e. how often the model is
 *                        retrained (252 ≈ yearly, 63 ≈ quarterly, 21 ≈ monthly)
 * @param horizon         label horizon {@code h} in days
 * @param purge           days dropped between consecutive slices; at least {@code horizon}
 * @param embargo         extra days dropped after each purge
 * @param lookback        days of history each prediction needs ({@code L} for a sequence model, 1 for a
 *                        linear one): the first usable training day is {@code firstDay + lookback − 1}
 * @param firstTestStart  first day of the first test slice, or {@code -1} for the earliest day that the
 *                        other settings allow
 */
public record WalkForwardSettings(TrainingWindow window, int trainingDays, int validationDays, int testDays,
                                  int horizon, int purge, int embargo, int lookback, int firstTestStart) {

    public WalkForwardSettings {
        if (window == null) {
            throw new IllegalArgumentException("choose an expanding or rolling training window");
        }
        if (trainingDays < 1) {
            throw new IllegalArgumentException("the training window must be at least one day, was " + trainingDays);
        }
        if (validationDays < 0) {
            throw new IllegalArgumentException("validation days must be non-negative, was " + validationDays);
        }
        if (testDays < 1) {
            throw new IllegalArgumentException("the test slice (step) must be at least one day, was " + testDays);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon must be at least 1 day, was " + horizon);
        }
        if (purge < horizon) {
            throw new IllegalArgumentException("purge of " + purge + " days is shorter than the label horizon of "
                    + horizon
                    + " days: training labels would overlap the test");
        }
        if (embargo < 0) {
            throw new IllegalArgumentException("embargo must be non-negative, was " + embargo);
        }
        if (lookback < 1) {
            throw new IllegalArgumentException("look-back must be at least 1 day, was " + lookback);
        }
        if (lookback > trainingDays) {
            throw new IllegalArgumentException("look-back of " + lookback
                    + " days is longer than the training window of "
                    + trainingDays + " days");
        }
        if (firstTestStart < -1) {
            throw new IllegalArgumentException("first test start must be a day index or -1 (earliest), was "
                    + firstTestStart);
        }
    }

    /**
     * Expanding window, purge = horizon, no embargo, look-back 1, earliest first test.
     */
    public static WalkForwardSettings expanding(int trainingDays, int validationDays, int testDays, int horizon) {
        return new WalkForwardSettings(TrainingWindow.EXPANDING, trainingDays, validationDays, testDays, horizon,
                horizon,
                0, 1, -1);
    }

    /** Rolling window, purge = horizon, no embargo, look-back 1, earliest first test. */
    public static WalkForwardSettings rolling(int trainingDays, int validationDays, int testDays, int horizon) {
        return new WalkForwardSettings(TrainingWindow.ROLLING, trainingDays, validationDays, testDays, horizon, horizon,
                0, 1, -1);
    }

    public WalkForwardSettings withLookback(int days) {
        return new WalkForwardSettings(window, trainingDays, validationDays, testDays, horizon, purge, embargo, days,
                firstTestStart);
    }

    public WalkForwardSettings withPurgeAndEmbargo(int purgeDays, int embargoDays) {
        return new WalkForwardSettings(window, trainingDays, validationDays, testDays, horizon, purgeDays, embargoDays,
                lookback, firstTestStart);
    }

    public WalkForwardSettings withFirstTestStart(int day) {
        return new WalkForwardSettings(window, trainingDays, validationDays, testDays, horizon, purge, embargo,
                lookback,
                day);
    }

    /** Days between the end of one slice and the start of the next. */
    public int gap() {
        return purge + embargo;
    }
}

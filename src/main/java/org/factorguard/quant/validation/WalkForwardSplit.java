package org.factorguard.quant.validation;

/**
 * One fold of a walk-forward evaluation: half-open day-index ranges {@code [start, end)} for
 * training, an optional validation slice (early stopping) and a test slice, all in time order.
 *
 * <p>The label of day {@code t} is the forward log return {@code ln(P_{t+h}/P_t)}: it spans days
 * {@code t..t+h} and is only known at day {@code t+h}. A fold is leak-free when no training or
 * validation label window reaches into a later slice:
 * <pre>
 *   trainEnd − 1 + h      &lt; validationStart   (with a validation slice)
 *   validationEnd − 1 + h &lt; testStart
 *   trainEnd − 1 + h      &lt; testStart         (always)
 * </pre>
 * which is guaranteed by a purge gap of at least {@code h} days between consecutive slices
 * ({@code purge ≥ h}), optionally widened by an embargo. The constructor rejects every fold that
 * violates these rules, so a leaky fold cannot exist (López de Prado, <i>Advances in Financial Machine
 * Learning</i>, 2018, ch. 7.4, "purging" and "embargo").
 *
 * @param trainStart      first training day (inclusive)
 * @param trainEnd        end of training (exclusive)
 * @param validationStart first validation day; equal to {@code validationEnd} when there is no validation slice
 * @param validationEnd   end of validation (exclusive)
 * @param testStart       first test day
 * @param testEnd         end of test (exclusive)
 * @param horizon         label horizon {@code h} in days (≥ 1)
 * @param purge           days left out between consecutive slices so that labels cannot overlap ({@code ≥ h})
 * @param embargo         additional days left out after the purge (≥ 0)
 */
public record WalkForwardSplit(int trainStart, int trainEnd, int validationStart, int validationEnd,
                               int testStart, int testEnd, int horizon, int purge, int embargo) {

    public WalkForwardSplit {
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon must be at least 1 day, was " + horizon);
        }
        if (embargo < 0) {
            throw new IllegalArgumentException("embargo must be non-negative, was " + embargo);
        }
        if (purge < horizon) {
            throw new IllegalArgumentException("leaky fold: purge of " + purge
                    + " days is shorter than the label horizon of "
                    + horizon + " days, so training labels would overlap later slices");
        }
        if (trainStart < 0 || trainEnd <= trainStart) {
            throw new IllegalArgumentException("training window [" + trainStart + ", " + trainEnd
                    + ") is empty or negative");
        }
        if (testEnd <= testStart) {
            throw new IllegalArgumentException("test window [" + testStart + ", " + testEnd + ") is empty");
        }
        if (validationEnd < validationStart) {
            throw new IllegalArgumentException("validation window [" + validationStart + ", " + validationEnd
                    + ") is negative");
        }
        int gap = purge + embargo;
        boolean hasValidation = validationEnd > validationStart;
        if (hasValidation) {
            if (trainEnd - 1 + horizon >= validationStart) {
                throw new IllegalArgumentException("leaky fold: the last training label (day " + (trainEnd - 1)
                        + ", horizon "
                        + horizon + ") ends on day " + (trainEnd - 1 + horizon)
                                + ", not before validation starts on day "
                        + validationStart);
            }
            if (validationStart < trainEnd + gap) {
                throw new IllegalArgumentException("leaky fold: validation starts on day " + validationStart
                        + " but must leave a purge + embargo gap of " + gap + " days after training ends on day "
                                + trainEnd);
            }
            if (validationEnd - 1 + horizon >= testStart) {
                throw new IllegalArgumentException("leaky fold: the last validation label (day " + (validationEnd - 1)
                        + ", horizon " + horizon + ") ends on day " + (validationEnd - 1 + horizon)
                        + ", not before the test starts on day " + testStart);
            }
            if (testStart < validationEnd + gap) {
                throw new IllegalArgumentException("leaky fold: the test starts on day " + testStart
                        + " but must leave a purge + embargo gap of " + gap + " days after validation ends on day "
                                + validationEnd);
            }
        } else {
            if (trainEnd - 1 + horizon >= testStart) {
                throw new IllegalArgumentException("leaky fold: the last training label (day " + (trainEnd - 1)
                        + ", horizon "
                        + horizon + ") ends on day " + (trainEnd - 1 + horizon)
                                + ", not before the test starts on day " + testStart);
            }
            if (testStart < trainEnd + gap) {
                throw new IllegalArgumentException("leaky fold: the test starts on day " + testStart
                        + " but must leave a purge + embargo gap of " + gap + " days after training ends on day "
                                + trainEnd);
            }
        }
    }

    /** A fold without a validation slice. */
    public static WalkForwardSplit withoutValidation(int trainStart, int trainEnd, int testStart, int testEnd,
                                                     int horizon, int purge, int embargo) {
        return new WalkForwardSplit(trainStart, trainEnd, trainEnd, trainEnd, testStart, testEnd, horizon, purge,
                embargo);
    }

    public boolean hasValidation() {
        return validationEnd > validationStart;
    }

    public int trainingDays() {
        return trainEnd - trainStart;
    }

    public int validationDays() {
        return validationEnd - validationStart;
    }

    public int testDays() {
        return testEnd - testStart;
    }

    /** Whether day {@code t} lies in the test slice. */
    public boolean isTestDay(int t) {
        return t >= testStart && t < testEnd;
    }

    @Override
    public String toString() {
        return "train [" + trainStart + ", " + trainEnd + ")"
                + (hasValidation() ? " validation [" + validationStart + ", " + validationEnd + ")" : "")
                + " test [" + testStart + ", " + testEnd + ") h=" + horizon + " purge=" + purge + " embargo=" + embargo;
    }
}

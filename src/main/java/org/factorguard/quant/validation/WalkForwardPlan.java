package org.factorguard.quant.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The folds of a walk-forward evaluation over the day range {@code [firstDay, endDay)}.
 *
 * <p>Fold {@code k} tests on {@code [s_k, min(s_k + step, endDay))} with {@code s_k = s_0 + k·step}
 * ({@code step = testDays}); before it, separated by {@code gap = purge + embargo} days, lie the
 * validation slice (if any) and, again {@code gap} days earlier, the training window:
 * <pre>
 *   validationEnd = s_k − gap,  validationStart = validationEnd − validationDays
 *   trainEnd      = (validationDays &gt; 0 ? validationStart : s_k) − gap
 *   trainStart    = firstUsable                       (expanding)
 *                 = max(firstUsable, trainEnd − trainingDays)  (rolling)
 * </pre>
 * where {@code firstUsable = firstDay + lookback − 1} is the first day with a full look-back. The
 * earliest first test start gives the first fold exactly {@code trainingDays} training days. The last
 * test slice may be shorter than a step. Each fold is a {@link WalkForwardSplit}, which re-checks
 * that no label leaks (Pardo, <i>The Evaluation and Optimization of Trading Strategies</i>, 2008, ch. 11).
 */
public final class WalkForwardPlan {

    private final WalkForwardSettings settings;
    private final int firstDay;
    private final int endDay;
    private final List<WalkForwardSplit> folds;

    private WalkForwardPlan(WalkForwardSettings settings, int firstDay, int endDay, List<WalkForwardSplit> folds) {
        this.settings = settings;
        this.firstDay = firstDay;
        this.endDay = endDay;
        this.folds = List.copyOf(folds);
    }

    /**
     * Lays out the folds over {@code [firstDay, endDay)}.
     *
     * @throws IllegalArgumentException when the data are too short for even one fold, or the first test
     *                                  start leaves too little training history
     */
    public static WalkForwardPlan over(WalkForwardSettings settings, int firstDay, int endDay) {
        if (firstDay < 0 || endDay <= firstDay) {
            throw new IllegalArgumentException("day range [" + firstDay + ", " + endDay + ") is empty");
        }
        int available = endDay - firstDay;
        if (settings.lookback() > available) {
            throw new IllegalArgumentException("look-back of " + settings.lookback() + " days is longer than the "
                    + available + " days of data");
        }
        int gap = settings.gap();
        int firstUsable = firstDay + settings.lookback() - 1;
        int beforeTest = settings.trainingDays() + gap
                + (settings.validationDays() > 0 ? settings.validationDays() + gap : 0);
        int earliestTest = firstUsable + beforeTest;
        int firstTest = settings.firstTestStart() < 0 ? earliestTest : settings.firstTestStart();
        if (firstTest < earliestTest) {
            throw new IllegalArgumentException("the first test starts on day " + firstTest + " but needs " + beforeTest
                    + " days of training, validation and gaps after the first usable day " + firstUsable
                    + ", so it can start on day " + earliestTest + " at the earliest");
        }
        if (firstTest >= endDay) {
            throw new IllegalArgumentException("not enough data for one fold: " + available + " days, but "
                    + (firstTest - firstDay + 1) + " are needed (look-back " + settings.lookback() + ", training "
                    + settings.trainingDays() + ", validation " + settings.validationDays() + ", gaps of " + gap
                    + " and at least one test day)");
        }
        List<WalkForwardSplit> folds = new ArrayList<>();
        for (int testStart = firstTest; testStart < endDay; testStart += settings.testDays()) {
            int testEnd = Math.min(testStart + settings.testDays(), endDay);
            int validationEnd = settings.validationDays() > 0 ? testStart - gap : 0;
            int validationStart = settings.validationDays() > 0 ? validationEnd - settings.validationDays() : 0;
            int trainEnd = (settings.validationDays() > 0 ? validationStart : testStart) - gap;
            int trainStart = settings.window() == TrainingWindow.EXPANDING
                    ? firstUsable : Math.max(firstUsable, trainEnd - settings.trainingDays());
            folds.add(settings.validationDays() > 0
                    ? new WalkForwardSplit(trainStart, trainEnd, validationStart, validationEnd, testStart, testEnd,
                    settings.horizon(), settings.purge(), settings.embargo())
                    : WalkForwardSplit.withoutValidation(trainStart, trainEnd, testStart, testEnd, settings.horizon(),
                    settings.purge(), settings.embargo()));
        }
        return new WalkForwardPlan(settings, firstDay, endDay, folds);
    }

    public WalkForwardSettings settings() {
        return settings;
    }

    public int firstDay() {
        return firstDay;
    }

    public int endDay() {
        return endDay;
    }

    public List<WalkForwardSplit> folds() {
        return folds;
    }

    /** First day that some fold tests on. */
    public int firstTestDay() {
        return folds.getFirst().testStart();
    }
}

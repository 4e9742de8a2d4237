package org.factorguard.quant.models;

import java.util.List;

import org.factorguard.quant.models.sequence.TrainingHistory;

/** What a {@link ReturnModel} reports about one fit (coefficients, training curves, …). */
public interface ModelFit {

    /** Samples (stock-days) the model was fitted on. */
    long trainingSamples();

    /** Training curves, one per trained network (empty for closed-form models). */
    default List<TrainingHistory> trainingCurves() {
        return List.of();
    }

    /** Configurations of the model tried on this fold's data before this fit was kept (a search counts each). */
    default int configurationsEvaluated() {
        return 1;
    }
}

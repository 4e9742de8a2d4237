package org.factorguard.quant.study;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.WalkForwardResult;

/**
 * Sees intermediate objects of a {@link Study} run that the result does not store because they are large (the
 * prepared factor panel, the stitched prediction matrices). For tests that check the whole pipeline, such as the
 * look-ahead perturbation test; production runs pass {@link #NONE}.
 */
interface StudyInspector {

    StudyInspector NONE = new StudyInspector() {
    };

    /** The prepared factor panel of every factor the study computed (candidates included). */
    default void onFactors(FactorPanel prepared) {
    }

    /** One model's walk-forward, with its stitched out-of-sample predictions. */
    default void onWalkForward(String model, WalkForwardResult result) {
    }

    // OVERLAY EXPOSURE (issue 13 item 3, branch i13-backtests): the daily drawdown overlay's exposure of each model
    // portfolio is decided at every close and belongs here, e.g. onOverlayExposure(String portfolio, double[]
    // exposure); WholePipelineLookAheadTest has the matching marked place.
}

package org.factorguard.quant.study;

import java.util.HashMap;
import java.util.Map;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.WalkForwardResult;
import org.factorguard.quant.models.sequence.CancellationToken;

/**
 * {@link SmallStudy#screenedConfig()} run with the standard implementations, with the intermediates the result does
 * not store; the run on the unchanged small market is made once per test JVM and shared.
 */
final class ScreenedSmallStudy {

    /** A run's result with its prepared factor panel and each model's stitched predictions. */
    record Run(StudyResult result, FactorPanel panel, Map<String, float[][]> predictions) {
    }

    private static Run base;

    private ScreenedSmallStudy() {
    }

    static synchronized Run onTheSmallMarket() {
        if (base == null) {
            base = run(SmallStudy.market());
        }
        return base;
    }

    static Run run(MarketData data) {
        FactorPanel[] panel = new FactorPanel[1];
        Map<String, float[][]> predictions = new HashMap<>();
        StudyResult result = SmallStudy.standardStudy().run(data, SmallStudy.screenedConfig(),
                StudyProgressListener.NONE, CancellationToken.NEVER, new StudyInspector() {
                    @Override
                    public void onFactors(FactorPanel prepared) {
                        panel[0] = prepared;
                    }

                    @Override
                    public void onWalkForward(String model, WalkForwardResult walkForward) {
                        predictions.put(model, walkForward.predictions());
                    }
                });
        return new Run(result, panel[0], predictions);
    }
}

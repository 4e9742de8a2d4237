package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.backtest.DrawdownOverlaySettings;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.CausalCleaningSettings;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.data.SyntheticMarketConfig;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.lstm.Dl4jLstmRegressor;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmSearchSettings;
import org.factorguard.quant.models.lstm.SequenceRegressorFactory;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.regimes.RegimeDatingSettings;
import org.factorguard.quant.validation.TrainingWindow;
import org.factorguard.quant.validation.WalkForwardSettings;

/**
 * A small, fast study for tests: 30 synthetic stocks over four years, an ensemble of two tiny DL4J LSTMs, monthly
 * rebalancing.
 */
final class SmallStudy {

    private SmallStudy() {
    }

    static MarketData market() {
        return SyntheticMarket.generate(new SyntheticMarketConfig(11L, 30, 4, LocalDate.of(2016, 1, 4),
                LocalDate.of(2019, 12, 31)));
    }

    /** The study's LSTM implementations: DL4J only, so that a config asking for FAST falls back to it. */
    static Study study() {
        return new Study("test", SequenceRegressorFactory.empty().with(LstmImplementation.DL4J,
                Dl4jLstmRegressor::new));
    }

    /** The standard implementations (the fast LSTM where the build has it). */
    static Study standardStudy() {
        return new Study("test", SequenceRegressorFactory.standard());
    }

    /**
     * The small config with the factors screened inside each fold from eight candidates (one of them market-level),
     * an ensemble of three networks and a search over look-back 5 or 10 days.
     */
    static StudyConfig screenedConfig() {
        StudyConfig c = config(LstmImplementation.FAST);
        return c.toBuilder()
                .factorIds(SCREENED_CANDIDATES)
                .factorSelection(FactorSelectionSettings.screenedPerFold(c.horizon()))
                .lstm(c.lstm().withEnsembleSize(3))
                .lstmSearch(new LstmSearchSettings(List.of(5, 10), List.of(8), 2, 1_000))
                .build();
    }

    static final List<String> SCREENED_CANDIDATES = List.of("EP", "BP", "REV_5", "VOL_60", "MOM_20", "SIZE",
            "TURNOVER", "MARKET_RETURN");

    static StudyConfig config(LstmImplementation implementation) {
        int horizon = 5;
        int lookback = 10;
        LstmSettings network = new LstmSettings(1, 8, 0.0, 1e-5, 3e-3, 128, 3, 1, 1L);
        return StudyConfig.builder()
                .universe(StudyConfig.Universe.all())
                .factorIds(List.of("EP", "BP", "REV_5", "VOL_60"))
                .preparation(CrossSectionalPreparation.Settings.defaults())
                .horizon(horizon)
                .walkForward(new WalkForwardSettings(TrainingWindow.EXPANDING, 252, 63, 126, horizon, horizon, 0,
                        lookback, -1))
                .linear(LinearModelSettings.defaults())
                .lstm(new LstmModelSettings(implementation, lookback, 2, 2_000, 1_000, FeatureScaling.defaults(),
                        network))
                .allocation(AllocationSettings.defaults().withMaxWeight(0.10))
                .drawdownOverlay(DrawdownOverlaySettings.defaults())
                .inputCleaning(CausalCleaningSettings.defaults())
                .covarianceWindow(60)
                .allocationShortlist(20)
                .rebalance(RebalanceFrequency.MONTHLY)
                .costBps(10.0)
                .optimisationDegree(new StudyConfig.OptimisationDegreeSettings(true, false, List.of(), 252,
                        StudyConfig.DegreePortfolio.RISK_CONSTRAINED))
                .significance(new StudyConfig.SignificanceSettings(200, Double.NaN, 0.95, 3, 12,
                        List.of(0.4, -0.1)))
                .seed(7L)
                .regimeDating(RegimeDatingSettings.defaults())
                .build();
    }
}

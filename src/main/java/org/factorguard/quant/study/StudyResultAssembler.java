package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.factorguard.quant.allocation.AllocationResult;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.DrawdownOverlaySettings;
import org.factorguard.quant.backtest.OverlayRecord;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.IcSummary;
import org.factorguard.quant.models.FoldResult;
import org.factorguard.quant.models.WalkForwardResult;
import org.factorguard.quant.models.linear.LinearFit;
import org.factorguard.quant.models.lstm.LstmEnsembleFit;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmSearchResult;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.validation.OutOfSampleMetrics;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Turns what the pipeline computed into the records of a {@link StudyResult}: the selection, the walk-forward
 * runs, the portfolios with their rebalances and the model portfolios' current allocations, all named by the
 * studied data's dates and tickers.
 */
final class StudyResultAssembler {

    /** Weights of at most this size are not holdings. */
    private static final double HOLDING_THRESHOLD = 1e-9;

    private final MarketData data;
    private final int horizon;

    /**
     * @param data    the studied data: the selected universe over the selected dates
     * @param horizon the label horizon h (IC and coefficient tests use h − 1 Newey–West lags)
     */
    StudyResultAssembler(MarketData data, int horizon) {
        this.data = data;
        this.horizon = horizon;
    }

    /** The instruments and dates studied, with the LSTM implementation that trained. */
    StudyResult.Selection selection(LstmImplementation implementation) {
        LocalDate[] dates = data.dates();
        return new StudyResult.Selection(
                data.instruments().stream().map(Instrument::ticker).toList(),
                data.instruments().stream().map(Instrument::industry).toList(),
                dates[0], dates[dates.length - 1], dates.length, implementation.name());
    }

    /** One model's walk-forward: per-fold dates, accuracy, coefficients (linear) or training curves (LSTM). */
    StudyResult.ModelRun modelRun(WalkForwardResult run) {
        LocalDate[] dates = data.dates();
        List<StudyResult.Fold> folds = new ArrayList<>();
        for (FoldResult f : run.folds()) {
            WalkForwardSplit s = f.split();
            StudyResult.LinearCoefficients coefficients = null;
            if (f.fit() instanceof LinearFit fit) {
                coefficients = new StudyResult.LinearCoefficients(fit.factorNames(), fit.alpha(), fit.alphaTValue(),
                        fit.beta(), fit.betaTValues(), fit.rSquared(), fit.observations(),
                        fit.inference() == null ? null : fit.famaMacBeth(horizon));
            }
            List<StudyResult.TrainingCurve> curves = new ArrayList<>();
            List<TrainingHistory> histories = f.trainingCurves();
            for (int m = 0; m < histories.size(); m++) {
                TrainingHistory h = histories.get(m);
                curves.add(new StudyResult.TrainingCurve(m,
                        h.epochs().stream().mapToDouble(EpochProgress::trainLoss).toArray(),
                        h.epochs().stream().mapToDouble(EpochProgress::validationLoss).toArray(),
                        h.bestEpoch(), h.stoppedEarly()));
            }
            folds.add(new StudyResult.Fold(f.index(), dates[s.trainStart()], dates[s.trainEnd() - 1],
                    s.hasValidation() ? dates[s.validationStart()] : null,
                    s.hasValidation() ? dates[s.validationEnd() - 1] : null,
                    dates[s.testStart()], dates[s.testEnd() - 1], f.fit().trainingSamples(), accuracy(f.testMetrics()),
                    coefficients, curves, f.averageMemberSpread(), f.factors(), f.fit().configurationsEvaluated(),
                    f.fit() instanceof LstmEnsembleFit lstm && lstm.search() != null ? choice(lstm.search()) : null));
        }
        return new StudyResult.ModelRun(run.modelName().startsWith("LSTM") ? StudyResult.LSTM : StudyResult.LINEAR,
                folds, accuracy(run.overall()));
    }

    private static StudyResult.LstmChoice choice(LstmSearchResult search) {
        return new StudyResult.LstmChoice(search.lookback(), search.units(), search.criterion(),
                search.candidates().stream().map(c -> new StudyResult.LstmCandidate(c.lookback(), c.units(),
                        c.validationRankIc(), c.validationMse(), c.bestEpoch(), c.epochs())).toList());
    }

    /** LSTM, Linear, Equal weight, Market index, in that order. */
    List<StudyResult.Portfolio> portfolios(StudyBacktests.Results b) {
        return List.of(
                portfolio(b.lstm(), b.lstmDecisions()),
                portfolio(b.linear(), b.linearDecisions()),
                portfolio(b.equalWeight(), null),
                portfolio(b.marketIndex(), null));
    }

    /** The latest rebalance of each model portfolio (the others are not allocated). */
    List<StudyResult.CurrentAllocation> currentAllocations(StudyBacktests.Results b) {
        return List.of(
                currentAllocation(StudyResult.LSTM, b.lstm(), b.lstmDecisions(), b.lstmExpectedReturns()),
                currentAllocation(StudyResult.LINEAR, b.linear(), b.linearDecisions(), b.linearExpectedReturns()));
    }

    private StudyResult.Portfolio portfolio(BacktestResult b, List<ShortlistAllocationPolicy.Decision> allocations) {
        List<StudyResult.Rebalance> rebalances = new ArrayList<>();
        // The market index is held, not traded: it has no rebalances over the universe's instruments.
        int decisions = b.name().equals(StudyResult.MARKET_INDEX) ? 0 : b.decisionDays().length;
        for (int k = 0; k < decisions; k++) {
            double[] target = b.targetWeights()[k];
            int nonZero = 0;
            for (double w : target) {
                if (w != 0) {
                    nonZero++;
                }
            }
            int[] which = new int[nonZero];
            double[] weights = new double[nonZero];
            int j = 0;
            for (int i = 0; i < target.length; i++) {
                if (target[i] != 0) {
                    which[j] = i;
                    weights[j++] = target[i];
                }
            }
            AllocationResult a = allocations == null ? null : allocations.get(k).result();
            rebalances.add(new StudyResult.Rebalance(b.decisionDates()[k], which, weights,
                    k < b.turnover().length ? b.turnover()[k] : 0.0, k < b.costs().length ? b.costs()[k] : 0.0,
                    a == null ? Double.NaN : a.exAnteAnnualVolatility(),
                    a == null ? Double.NaN : a.exAnteDailyVar95()));
        }
        return new StudyResult.Portfolio(b.name(), b.returns(), b.equity(), b.drawdown(), b.grossExposure(),
                b.summary(), rebalances, overlay(b), b.delistings());
    }

    /** The overlay's record: realised MDD against the limit, exposure, acted days, the book without overlay. */
    private static StudyResult.DrawdownOverlayResult overlay(BacktestResult b) {
        OverlayRecord o = b.overlay();
        if (o == null) {
            return null;
        }
        DrawdownOverlaySettings s = o.settings();
        double mdd = PerformanceMetrics.maxDrawdown(b.returns());
        double worst = Math.min(0.0, Arrays.stream(b.returns()).min().orElse(0.0));
        String rule = String.format(Locale.ROOT, "At every close the book is scaled to min(1, cushion / (%.1f × "
                + "ES %.1f %% of its %d-day returns over the last %d days)), cushion = 1 − (1 − %.0f %%) × peak / "
                + "equity; cuts at once, increases only by %.0f points or more; traded at the next close with costs.",
                s.multiplier(), 100 * s.tailConfidence(), s.horizonDays(), s.tailWindow(), 100 * s.limit(),
                100 * s.increaseBand());
        return new StudyResult.DrawdownOverlayResult(s.limit(), mdd, worst, -mdd <= s.limit() - worst + 1e-12,
                o.exposure(), Arrays.asList(o.actedDates()), o.withoutOverlay().returns(),
                o.withoutOverlay().summary(), rule);
    }

    private StudyResult.CurrentAllocation currentAllocation(String name, BacktestResult b,
                                                            List<ShortlistAllocationPolicy.Decision> decisions,
                                                            float[][] mu) {
        int k = decisions.size() - 1;
        AllocationResult last = decisions.get(k).result();
        int day = b.decisionDays()[k];
        List<StudyResult.Holding> holdings = new ArrayList<>();
        double[] w = decisions.get(k).fullWeights(data.instrumentCount());
        for (int i = 0; i < w.length; i++) {
            if (Math.abs(w[i]) > HOLDING_THRESHOLD) {
                Instrument instrument = data.instruments().get(i);
                holdings.add(new StudyResult.Holding(instrument.ticker(), instrument.industry(), w[i], mu[day][i]));
            }
        }
        holdings.sort(Comparator.comparingDouble((StudyResult.Holding h) -> -Math.abs(h.weight()))
                .thenComparing(StudyResult.Holding::ticker));
        return new StudyResult.CurrentAllocation(name, b.decisionDates()[k], last.feasible(), last.message(),
                holdings, last.bindingConstraints(), last.netExposure(), last.grossExposure(),
                last.expectedDailyReturn(), last.exAnteAnnualVolatility(), last.exAnteDailyVar95());
    }

    private StudyResult.Accuracy accuracy(OutOfSampleMetrics m) {
        return new StudyResult.Accuracy(m.days(), m.observations(), m.ic(), m.rankIc(), m.icir(), m.rankIcir(),
                m.mse(), m.hitRate(), icTests(m));
    }

    /** Newey–West t-statistics of the mean daily IC and Rank IC with h − 1 lags. */
    private StudyResult.IcTests icTests(OutOfSampleMetrics m) {
        IcSummary ic = IcSummary.of(m.dailyIc(), 0, horizon);
        IcSummary rank = IcSummary.of(m.dailyRankIc(), 0, horizon);
        String explanation;
        if (!Double.isFinite(rank.tStatistic())) {
            explanation = "Too few days to test the Rank IC.";
        } else {
            explanation = String.format(Locale.ROOT, "Rank IC %.3f, t = %.2f (Newey–West, %d lags for overlapping "
                            + "%d-day returns), %s: %s", rank.mean(), rank.tStatistic(), rank.neweyWestLags(),
                    horizon, SignificanceAnalysis.pValue(rank.pValue()), rank.pValue() < 0.05
                            ? "the ranking skill is unlikely to be luck." : "a mean this size could be luck.");
        }
        return new StudyResult.IcTests(rank.neweyWestLags(), ic.tStatistic(), ic.pValue(), rank.tStatistic(),
                rank.pValue(), explanation);
    }
}

package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.backtest.AttributionResult;
import org.factorguard.quant.factors.QuantileSummary;
import org.factorguard.quant.models.ImportanceSummary;

/**
 * The tear sheets of a study (computed by {@link TearSheetAnalysis} on the walk-forward's test slices only): the
 * models' out-of-sample predictions by quintile, what drives them (permutation importance per factor and, for the
 * LSTM, per block of the look-back) and where each model portfolio's return came from (factor attribution). The
 * formulas and references are in docs/tear-sheets.md ({@link org.factorguard.quant.factors.QuantileAnalysis},
 * {@link org.factorguard.quant.models.PermutationImportance},
 * {@link org.factorguard.quant.backtest.FactorAttribution}).
 * A result written before tear sheets has none ({@code null}).
 *
 * @param quantiles   the number of buckets (5: quintiles)
 * @param horizon     h of the forward returns the buckets are measured against
 * @param models      returns by quantile of each model's predictions: Linear, LSTM
 * @param importance  permutation importance of each model: Linear, LSTM
 * @param attribution factor attribution of each model portfolio: LSTM, Linear
 */
public record TearSheet(int quantiles, int horizon, List<ModelQuantiles> models, List<ModelImportance> importance,
                        List<PortfolioAttribution> attribution) {

    public TearSheet {
        models = List.copyOf(models);
        importance = List.copyOf(importance);
        attribution = List.copyOf(attribution);
    }

    public ModelQuantiles quantilesOf(String model) {
        return models.stream().filter(m -> m.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quantiles of " + model));
    }

    public ModelImportance importanceOf(String model) {
        return importance.stream().filter(m -> m.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no importance of " + model));
    }

    public PortfolioAttribution attributionOf(String portfolio) {
        return attribution.stream().filter(a -> a.portfolio().equals(portfolio)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attribution of " + portfolio));
    }

    /**
     * Returns by quantile over one range of days ({@link QuantileSummary} without the daily curves).
     *
     * @param from          first day of the range
     * @param to            last day of the range (inclusive)
     * @param days          days with buckets
     * @param meanReturn    {@code [bucket]} mean h-day forward log return (demeaned), bucket 1 the lowest signal
     * @param standardError {@code [bucket]} its Newey–West standard error
     * @param spread        mean top-minus-bottom h-day spread
     * @param spreadT       its Newey–West t (h − 1 lags)
     * @param spreadP       its two-sided Student-t p-value
     * @param topTurnover   mean share of new names in the top bucket from one day to the next
 * @param bottomTurnover the same for the bottom bucket
     * @param monotonicity  Spearman's ρ of bucket number against mean return (1 = perfectly increasing)
     */
    public record QuantileFigures(LocalDate from, LocalDate to, int days, double[] meanReturn,
                                  double[] standardError, double spread, double spreadT, double spreadP,
                                  double topTurnover, double bottomTurnover, double monotonicity) {

        /** The figures of {@code summary}, its days named by {@code dates} (the data's dates). */
        public static QuantileFigures of(QuantileSummary summary, LocalDate[] dates) {
            return new QuantileFigures(dates[summary.fromDay()], dates[summary.toDay() - 1], summary.days(),
                    summary.meanReturn(), summary.standardError(), summary.spread().mean(),
                    summary.spread().tStatistic(), summary.spread().pValue(), summary.topTurnover(),
                    summary.bottomTurnover(), summary.monotonicity());
        }
    }

    /**
     * One model's predictions by quantile.
     *
     * @param model            "Linear" or "LSTM"
     * @param overall          over all test days
     * @param folds            over each fold's test slice, in fold order
     * @param dates            the test days (those of the cumulative curves)
     * @param cumulative       {@code [bucket][day]} growth of 1 in the bucket's daily-rebalanced equal-weight portfolio
     *                         (demeaned), after the 1-day return from that day to the next
     * @param cumulativeSpread {@code [day]} the same for long the top bucket, short the bottom one
     */
    public record ModelQuantiles(String model, QuantileFigures overall, List<QuantileFigures> folds, LocalDate[] dates,
                                 float[][] cumulative, float[] cumulativeSpread) {
        public ModelQuantiles {
            folds = List.copyOf(folds);
        }
    }

    /**
     * One model's permutation importance across the walk-forward folds.
     *
     * @param model          "Linear" or "LSTM"
     * @param repeats        permutations per input and fold
     * @param maxDays        most test days evaluated per fold (evenly spaced)
     * @param baselineRankIc {@code [fold]} mean daily Rank IC of the unchanged predictions on the evaluated days
     * @param factors        per factor: mean Rank IC drop over folds, its spread across folds, the per-fold drops
     * @param blocks         per block of the look-back (LSTM only; empty for the linear model)
     */
    public record ModelImportance(String model, int repeats, int maxDays, double[] baselineRankIc,
                                  List<ImportanceSummary.Aggregate> factors,
                                  List<ImportanceSummary.Aggregate> blocks) {
        public ModelImportance {
            factors = List.copyOf(factors);
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * Where one model portfolio's return came from over the backtest, Cariño-linked so that the parts add up to the
     * compounded net return.
     *
     * @param portfolio     "LSTM" or "Linear"
     * @param total         linked totals over the whole backtest
     * @param years         linked totals of each calendar year
     * @param exposureNames "Market", "Beta", the industries, the screened factors
     * @param groups        the group of each exposure
     * @param contribution  {@code [exposure]} linked contribution over the whole backtest
     * @param meanExposure  {@code [exposure]} mean daily exposure of the book
     * @param meanRSquared  mean weighted R² of the daily cross-sectional regressions
     */
    public record PortfolioAttribution(String portfolio, Parts total, List<Parts> years, List<String> exposureNames,
                                       List<AttributionResult.Group> groups, double[] contribution,
                                       double[] meanExposure, double meanRSquared) {
        public PortfolioAttribution {
            years = List.copyOf(years);
            exposureNames = List.copyOf(exposureNames);
            groups = List.copyOf(groups);
        }
    }

    /**
     * Linked contributions over a period; market + industries + styles + specific + costs = portfolio.
     *
     * @param label     "2019", or "total"
     * @param market    market factor and beta
     * @param portfolio the compounded net return of the period
     */
    public record Parts(String label, double market, double industries, double styles, double specific,
                        double costs, double portfolio) {

        static Parts of(String label, AttributionResult.Totals t) {
            return new Parts(label, t.market(), t.industries(), t.styles(), t.specific(), t.costs(), t.portfolio());
        }
    }
}

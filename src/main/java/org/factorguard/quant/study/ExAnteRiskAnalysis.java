package org.factorguard.quant.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.allocation.CovarianceModel;
import org.factorguard.quant.allocation.VarModel;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.HeldWeights;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.risk.CovarianceEstimator;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PortfolioValueAtRisk;
import org.factorguard.quant.risk.TrailingReturns;
import org.factorguard.quant.risk.VarBacktest;
import org.factorguard.quant.risk.VolatilityForecastCheck;

/**
 * Ex-ante risk against what was realised, per portfolio of Table 1. For each return day d the book held over d
 * (the weights after the close of d − 1, rebuilt by {@link HeldWeights}) is known at the close of d − 1, and so is
 * the look-back window of raw daily returns ending at d − 1; from them, strictly causally:
 * <ul>
 *   <li>the one-day VaR<sub>95</sub> forecast by the study's {@link VarModel} (historical simulation or
 *       Cornish–Fisher of the book's hypothetical returns; Gaussian with their mean and standard deviation for
 *       {@link VarModel#PARAMETRIC}), backtested against the realised net return of d by Kupiec's proportion of
 *       failures and Christoffersen's independence test ({@link VarBacktest}, p = 5 %);</li>
 *   <li>for the model portfolios, σ<sub>d</sub> = √(w'Σw) under both covariance models (EWMA λ = 0.94 and
 *       Ledoit–Wolf, Σ on the held assets), checked by {@link VolatilityForecastCheck}: realised / ex-ante volatility
 *       near 1 means the allocation's risk figures match what happened.</li>
 * </ul>
 * The market index's book is the index itself, its window the index's own returns. Days held entirely in cash have
 * no forecast and are left out.
 */
final class ExAnteRiskAnalysis {

    private static final double EXCEEDANCE_PROBABILITY = 1 - 0.95;

    private final MarketData data;
    private final StudyConfig config;

    ExAnteRiskAnalysis(MarketData data, StudyConfig config) {
        this.data = data;
        this.config = config;
    }

    StudyResult.ExAnteRisk analyse(StudyBacktests.Results b) {
        List<StudyResult.PortfolioRisk> rows = new ArrayList<>();
        rows.add(modelPortfolio(b.lstm(), b.lstmDecisions()));
        rows.add(modelPortfolio(b.linear(), b.linearDecisions()));
        rows.add(held(b.equalWeight(), null, 0, 0));
        rows.add(marketIndex(b.marketIndex()));
        CovarianceModel used = config.allocation().covarianceModel();
        return new StudyResult.ExAnteRisk(used.name(), config.allocation().varModel().name(),
                config.covarianceWindow(), config.allocation().maxDailyVar95(), rows, explanation(used, rows));
    }

    private StudyResult.PortfolioRisk modelPortfolio(BacktestResult result,
                                                     List<ShortlistAllocationPolicy.Decision> decisions) {
        int bound = (int) decisions.stream().filter(d -> d.varLimit() != null && d.varLimit().bound()).count();
        return held(result, new CovarianceEstimator[] {CovarianceModel.EWMA.estimator(),
                CovarianceModel.LEDOIT_WOLF.estimator()}, bound, decisions.size());
    }

    /** A replayable portfolio; {@code estimators} null: no volatility check. */
    private StudyResult.PortfolioRisk held(BacktestResult result, CovarianceEstimator[] estimators, int bound,
                                           int decisions) {
        HeldWeights held = HeldWeights.rebuild(data, result);
        int days = held.dayCount();
        double[] var = new double[days];
        double[][] sigma = new double[estimators == null ? 0 : estimators.length][days];
        Arrays.fill(var, Double.NaN);
        for (double[] s : sigma) {
            Arrays.fill(s, Double.NaN);
        }
        for (int k = 0; k < days; k++) {
            double[] w = held.weights()[k];
            int[] assets = nonZero(w);
            if (assets.length == 0) {
                continue;
            }
            double[] book = new double[assets.length];
            for (int a = 0; a < assets.length; a++) {
                book[a] = w[assets[a]];
            }
            double[][] window = TrailingReturns.window(data.close(), assets, held.dataDay(k) - 1,
                    config.covarianceWindow());
            var[k] = valueAtRisk(PortfolioValueAtRisk.hypotheticalReturns(book, window));
            for (int e = 0; e < sigma.length; e++) {
                sigma[e][k] = VolatilityForecastCheck.exAnteDailyVolatility(book, estimators[e].estimate(window));
            }
        }
        double[] returns = result.returns();
        return row(result.name(), returns, var,
                sigma.length > 0 ? VolatilityForecastCheck.of(returns, sigma[0]) : null,
                sigma.length > 1 ? VolatilityForecastCheck.of(returns, sigma[1]) : null, bound, decisions);
    }

    /** Return day k of the index backtest is data day start + 1 + k; its first day earns nothing (bought then). */
    private StudyResult.PortfolioRisk marketIndex(BacktestResult result) {
        int start = result.decisionDays()[0];
        double[] index = data.marketIndex();
        double[] returns = result.returns();
        double[] var = new double[returns.length];
        Arrays.fill(var, Double.NaN);
        for (int k = 1; k < returns.length; k++) {
            int last = start + k; // the close of d − 1
            int from = Math.max(1, last - config.covarianceWindow() + 1);
            double[] window = new double[last - from + 1];
            int m = 0;
            for (int d = from; d <= last; d++) {
                double prev = index[d - 1];
                double now = index[d];
                if (prev > 0 && now > 0) {
                    window[m++] = now / prev - 1;
                }
            }
            var[k] = valueAtRisk(Arrays.copyOf(window, m));
        }
        return row(result.name(), returns, var, null, null, 0, 0);
    }

    private double valueAtRisk(double[] pnl) {
        if (pnl.length < 20) {
            return Double.NaN;
        }
        return switch (config.allocation().varModel()) {
            case HISTORICAL -> PortfolioValueAtRisk.historical(pnl, 1 - EXCEEDANCE_PROBABILITY);
            case CORNISH_FISHER -> PortfolioValueAtRisk.cornishFisher(pnl, 1 - EXCEEDANCE_PROBABILITY);
            case PARAMETRIC -> PortfolioValueAtRisk.gaussian(PerformanceMetrics.mean(pnl),
                    PerformanceMetrics.standardDeviation(pnl), 1 - EXCEEDANCE_PROBABILITY);
        };
    }

    private StudyResult.PortfolioRisk row(String name, double[] returns, double[] var,
                                          VolatilityForecastCheck.Result ewma,
                                          VolatilityForecastCheck.Result ledoitWolf, int bound, int decisions) {
        int forecasts = 0;
        for (int k = 0; k < var.length; k++) {
            if (Double.isFinite(var[k]) && Double.isFinite(returns[k])) {
                forecasts++;
            }
        }
        VarBacktest.Result backtest = forecasts < 2 ? null
                : new VarBacktest(config.seed()).test(returns, var, EXCEEDANCE_PROBABILITY);
        return new StudyResult.PortfolioRisk(name, ewma, ledoitWolf, backtest, bound, decisions,
                explain(name, backtest, bound, decisions));
    }

    private static int[] nonZero(double[] w) {
        return java.util.stream.IntStream.range(0, w.length).filter(i -> w[i] != 0).toArray();
    }

    private String explain(String name, VarBacktest.Result b, int bound, int decisions) {
        if (b == null) {
            return name + ": too few days with a VaR forecast to backtest it.";
        }
        double kupiec = b.kupiec().monteCarloPValue();
        double independence = b.independence().monteCarloPValue();
        String verdict = kupiec < 0.05
                ? (b.exceedances() > b.expectedExceedances() ? "more often" : "less often")
                        + " than promised (Kupiec " + SignificanceAnalysis.pValue(kupiec) + ")"
                : "about as often as promised (Kupiec " + SignificanceAnalysis.pValue(kupiec) + ")";
        String clusters = independence < 0.05
                ? "; losses beyond it came in clusters (Christoffersen " + SignificanceAnalysis.pValue(independence)
                        + ")"
                : "";
        String limit = decisions > 0 ? String.format(Locale.ROOT, "; the VaR limit cut the book at %d of %d "
                + "rebalances", bound, decisions) : "";
        return String.format(Locale.ROOT, "%s lost more than its one-day VaR on %d of %d days (%.1f %%, 5 %% "
                        + "expected): %s%s%s.", name, b.exceedances(), b.days(), 100 * b.exceedanceRate(), verdict,
                clusters, limit);
    }

    private static String explanation(CovarianceModel used, List<StudyResult.PortfolioRisk> rows) {
        StringBuilder s = new StringBuilder();
        s.append("Ex-ante risk from ").append(used == CovarianceModel.EWMA
                ? "the EWMA covariance (RiskMetrics, λ = 0.94)" : "the Ledoit–Wolf shrinkage covariance")
                .append(" of raw daily returns").append(used == AllocationSettings.DEFAULT_COVARIANCE_MODEL
                        ? ", the default: on the default study its realised / predicted volatility was closer to 1"
                        : ", as chosen in the settings").append(". Realised / predicted volatility of the books held");
        int ewmaCloser = 0;
        int compared = 0;
        for (StudyResult.PortfolioRisk r : rows) {
            if (r.ewma() != null && r.ledoitWolf() != null) {
                s.append(String.format(Locale.ROOT, "; %s: EWMA %.2f, Ledoit–Wolf %.2f", r.portfolio(),
                        r.ewma().ratio(), r.ledoitWolf().ratio()));
                compared++;
                ewmaCloser += VolatilityForecastCheck.closerToOne(r.ewma(), r.ledoitWolf()) ? 1 : 0;
            }
        }
        s.append(" (1 = risk predicted exactly, above 1 = risk understated)");
        if (compared > 0) {
            String closer = ewmaCloser == compared ? "EWMA" : ewmaCloser == 0 ? "Ledoit–Wolf" : null;
            s.append(closer == null ? "; on these books neither model was closer for every model portfolio"
                    : "; on these books " + closer + " was closer for every model portfolio");
            if (closer != null && !closer.equals(used == CovarianceModel.EWMA ? "EWMA" : "Ledoit–Wolf")) {
                s.append(", though a model judged on books chosen with the other's covariance looks better than it"
                        + " does driving the allocation");
            }
        }
        return s.append('.').toString();
    }
}

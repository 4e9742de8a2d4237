package org.factorguard.reports.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.models.linear.CoefficientInference;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.risk.VarBacktest;
import org.factorguard.quant.study.StudyResult;

/**
 * Writes the tables and series of a {@link StudyResult} as CSV (RFC 4180 via Commons CSV, one header row). Figures
 * a result of an older method version does not hold are left empty.
 * Numbers are written in Java's shortest round-trip form (NaN where undefined); text cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return) are
 * prefixed with an apostrophe.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String write(StudyResult r, ReportTable table) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> header = switch (table) {
            case RISK -> BacktestRulesCsv.withoutOverlayRows(r, rows, risk(r, rows));
            case REGIMES -> regimes(r, rows);
            case CURRENT_ALLOCATION -> allocation(r, rows);
            case WEIGHTS_OVER_TIME -> weights(r, rows);
            case EQUITY_CURVES -> series(r, rows, false);
            case DRAWDOWNS -> series(r, rows, true);
            case OPTIMISATION_DEGREE -> degree(r, rows);
            case SIGNIFICANCE -> significance(r, rows);
            case MODEL_FOLDS -> folds(r, rows);
            case REGIMES_CAUSAL -> causalRegimes(r, rows);
            case REGIME_DATING -> regimeDating(r, rows);
            case REGIME_DAYS -> regimeDays(r, rows);
            case LINEAR_COEFFICIENTS -> coefficients(r, rows);
            case RETURNS_BY_QUINTILE -> TearSheetCsv.quintiles(r.tearSheet(), rows);
            case QUINTILE_CURVES -> TearSheetCsv.quintileCurves(r.tearSheet(), rows);
            case MODEL_IMPORTANCE -> TearSheetCsv.importance(r.tearSheet(), rows);
            case RETURN_ATTRIBUTION -> TearSheetCsv.attribution(r.tearSheet(), rows);
            case ATTRIBUTION_EXPOSURES -> TearSheetCsv.exposures(r.tearSheet(), rows);
            case DRAWDOWN_LIMIT -> BacktestRulesCsv.drawdownLimit(r, rows);
            case DATA_TREATMENT -> BacktestRulesCsv.dataTreatment(r, rows);
        };
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(ReportCsv::neutralise).toList());
            for (List<Object> row : rows) {
                // rows that know fewer columns than the header (e.g. "without overlay" lines) end in empty cells
                List<Object> cells = new ArrayList<>(row.stream().map(ReportCsv::cell).toList());
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A text cell made safe for spreadsheets (OWASP "CSV injection"). */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : Double.toString(d);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof LocalDate) {
            return value.toString();
        }
        return neutralise(value.toString());
    }

    private static List<String> risk(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.Portfolio p : r.portfolios()) {
            PerformanceSummary s = p.summary();
            List<Object> row = new ArrayList<>(List.of(p.name(), s.days(), s.maxDrawdown(), s.sharpe(),
                    s.valueAtRisk95(), s.conditionalValueAtRisk95(), s.annualReturn(), s.annualVolatility(),
                    s.sortino(), s.calmar(), s.annualTurnover(), s.totalReturn(), s.hitRate(),
                    s.averageGrossExposure()));
            row.addAll(exAnteRisk(r, p.name()));
            rows.add(row);
        }
        return List.of("portfolio", "days", "max_drawdown", "sharpe", "var_95", "cvar_95", "annual_return",
                "annual_volatility", "sortino", "calmar", "annual_turnover", "total_return", "hit_rate",
                "average_gross_exposure", "var_model", "var_forecast_days", "var_exceedances",
                "var_expected_exceedances", "var_exceedance_rate", "kupiec_p", "christoffersen_independence_p",
                "var_limit_bound_rebalances", "rebalances", "covariance_model", "volatility_ratio_ewma",
                "volatility_ratio_ledoit_wolf", "var_backtest_explanation");
    }

    /** The ex-ante risk cells of one portfolio's Table 1 row (empty for results without them). */
    private static List<Object> exAnteRisk(StudyResult r, String portfolio) {
        List<Object> cells = new ArrayList<>(Collections.nCopies(13, null));
        StudyResult.ExAnteRisk risk = r.exAnteRisk();
        StudyResult.PortfolioRisk p = risk == null ? null : risk.portfolio(portfolio);
        if (p == null) {
            return cells;
        }
        cells.set(0, risk.varModel());
        VarBacktest.Result b = p.varBacktest();
        if (b != null) {
            cells.set(1, b.days());
            cells.set(2, b.exceedances());
            cells.set(3, b.expectedExceedances());
            cells.set(4, b.exceedanceRate());
            cells.set(5, b.kupiec().monteCarloPValue());
            cells.set(6, b.independence().monteCarloPValue());
        }
        if (p.decisions() > 0) {
            cells.set(7, p.varLimitBound());
            cells.set(8, p.decisions());
            cells.set(9, risk.covarianceModel());
        }
        cells.set(10, p.ewma() == null ? null : p.ewma().ratio());
        cells.set(11, p.ledoitWolf() == null ? null : p.ledoitWolf().ratio());
        cells.set(12, p.explanation());
        return cells;
    }

    private static List<String> regimes(StudyResult r, List<List<Object>> rows) {
        return regimeRows(r.regimes().table(), rows);
    }

    private static List<String> causalRegimes(StudyResult r, List<List<Object>> rows) {
        StudyResult.RegimeDating dating = r.regimes().dating();
        return regimeRows(dating == null ? List.of() : dating.causalTable(), rows);
    }

    private static List<String> regimeRows(List<RegimeReport.Row> table, List<List<Object>> rows) {
        for (RegimeReport.Row row : table) {
            rows.add(List.of(row.regime().label(), row.portfolio(), row.days(), row.averageDailyReturn(),
                    row.maxDrawdown(), row.sharpe(), row.valueAtRisk95()));
        }
        return List.of("regime", "portfolio", "days", "average_daily_return", "max_drawdown", "sharpe", "var_95");
    }

    private static List<String> regimeDating(StudyResult r, List<List<Object>> rows) {
        StudyResult.RegimeAnalysis a = r.regimes();
        StudyResult.RegimeDating d = a.dating();
        rows.add(measure("method_version", r.methodVersion()));
        rows.add(measure("method", d == null ? "trailing 60-day mean rule (method version 1)" : d.method()));
        if (d != null) {
            rows.add(measure("parameters", d.parameters()));
            agreement(rows, "ex_post", d.exPostAgreement());
            agreement(rows, "causal", d.causalAgreement());
            rows.add(measure("explanation", d.explanation()));
        } else {
            rows.add(measure("agreement", a.agreement()));
        }
        return List.of("measure", "value");
    }

    private static void agreement(List<List<Object>> rows, String view, StudyResult.AgreementWithTruth a) {
        if (a == null) {
            return;
        }
        rows.add(measure(view + "_agreement", a.agreement()));
        rows.add(measure(view + "_cohens_kappa", a.kappa()));
        rows.add(measure(view + "_days_compared", a.days()));
        rows.add(measure(view + "_majority_regime", a.majorityRegime() == null ? null : a.majorityRegime().label()));
        rows.add(measure(view + "_majority_agreement", a.majorityAgreement()));
    }

    private static List<String> regimeDays(StudyResult r, List<List<Object>> rows) {
        StudyResult.RegimeAnalysis a = r.regimes();
        LocalDate[] dates = r.returnDates();
        Regime[] causal = a.dating() == null ? null : a.dating().causal();
        for (int t = 0; t < dates.length; t++) {
            rows.add(Arrays.asList(dates[t], label(a.detected(), t), label(causal, t), label(a.trueRegimes(), t)));
        }
        return List.of("date", "regime", "causal_regime", "true_regime");
    }

    private static String label(Regime[] regimes, int t) {
        return regimes == null || t >= regimes.length || regimes[t] == null ? null : regimes[t].label();
    }

    private static List<String> allocation(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.CurrentAllocation a : r.currentAllocations()) {
            for (StudyResult.Holding h : a.holdings()) {
                rows.add(List.of(a.portfolio(), a.date(), h.ticker(), h.industry(), h.weight(),
                        h.expectedDailyReturn()));
            }
        }
        return List.of("portfolio", "date", "ticker", "industry", "weight", "expected_daily_return");
    }

    private static List<String> weights(StudyResult r, List<List<Object>> rows) {
        List<String> tickers = r.selection().tickers();
        for (StudyResult.Portfolio p : r.portfolios()) {
            for (StudyResult.Rebalance b : p.rebalances()) {
                for (int k = 0; k < b.instruments().length; k++) {
                    rows.add(List.of(p.name(), b.date(), tickers.get(b.instruments()[k]), b.weights()[k]));
                }
            }
        }
        return List.of("portfolio", "date", "ticker", "weight");
    }

    private static List<String> series(StudyResult r, List<List<Object>> rows, boolean drawdown) {
        LocalDate[] dates = r.returnDates();
        for (int t = 0; t < dates.length; t++) {
            List<Object> row = new ArrayList<>();
            row.add(dates[t]);
            for (StudyResult.Portfolio p : r.portfolios()) {
                double[] values = drawdown ? p.drawdown() : p.equity();
                row.add(t < values.length ? values[t] : Double.NaN);
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("date");
        r.portfolios().forEach(p -> header.add(p.name()));
        return header;
    }

    private static List<String> degree(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.DegreePoint p : r.optimisationDegree().points()) {
            rows.add(List.of(p.epoch(), p.members(), p.trainLoss(), p.validationLoss(), p.inSampleAnnualReturn(),
                    p.inSampleSharpe(), p.outOfSampleAnnualReturn(), p.outOfSampleSharpe()));
        }
        return List.of("epoch", "members", "train_loss", "validation_loss", "in_sample_annual_return",
                "in_sample_sharpe", "out_of_sample_annual_return", "out_of_sample_sharpe");
    }

    private static List<String> significance(StudyResult r, List<List<Object>> rows) {
        StudyResult.Significance s = r.significance();
        StudyResult.Explanations words = s.explanations();
        rows.add(measure("method_version", r.methodVersion()));
        dieboldMariano(rows, "diebold_mariano", s.dieboldMariano(), r.methodVersion() >= 2
                ? "demeaned_squared_error" : "squared_error", words == null ? null : words.dieboldMariano());
        dieboldMariano(rows, "diebold_mariano_rank_ic", s.dieboldMarianoRankIc(), "one_minus_rank_ic",
                words == null ? null : words.dieboldMarianoRankIc());
        if (s.sharpeDifference() != null) {
            var sd = s.sharpeDifference();
            rows.add(measure("sharpe_difference", sd.observedDifference()));
            rows.add(measure("sharpe_difference_lower", sd.lower()));
            rows.add(measure("sharpe_difference_upper", sd.upper()));
            rows.add(measure("sharpe_difference_confidence", sd.confidence()));
            rows.add(measure("sharpe_difference_p_value", sd.pValue()));
            rows.add(measure("sharpe_difference_standard_error", sd.standardError()));
            rows.add(measure("sharpe_difference_mean_block_length", sd.meanBlockLength()));
            rows.add(measure("sharpe_difference_automatic_block_length", sd.automaticBlockLength()));
            rows.add(measure("sharpe_difference_resamples", sd.resamples()));
            explanation(rows, "sharpe_difference", words == null ? null : words.sharpeDifference());
        }
        if (s.deflatedSharpe() != null) {
            var ds = s.deflatedSharpe();
            rows.add(measure("deflated_sharpe_probability", ds.probability()));
            rows.add(measure("deflated_sharpe_annualised_sharpe", ds.annualisedSharpe()));
            rows.add(measure("deflated_sharpe_trials", ds.trials()));
            StudyResult.TrialCount n = s.trialCount();
            if (n != null) {
                rows.add(measure("deflated_sharpe_trials_screened_candidates", n.candidates()));
                rows.add(measure("deflated_sharpe_trials_earlier_studies", n.earlierStudies()));
                rows.add(measure("deflated_sharpe_trials_sweep_studies", n.sweepStudies()));
                rows.add(measure("deflated_sharpe_trials_checkpoints", n.checkpoints()));
                rows.add(measure("deflated_sharpe_trials_grid_configurations", n.gridConfigurations()));
                rows.add(measure("deflated_sharpe_trials_models", n.models()));
                rows.add(measure("deflated_sharpe_known_trial_sharpes", s.knownTrialSharpes()));
            }
            rows.add(measure("deflated_sharpe_trial_sharpe_variance", ds.trialSharpeVariance()));
            rows.add(measure("deflated_sharpe_variance_source", ds.varianceSource()));
            rows.add(measure("deflated_sharpe_expected_max_daily_sharpe", ds.expectedMaxDailySharpe()));
            explanation(rows, "deflated_sharpe", words == null ? null : words.deflatedSharpe());
        }
        StudyResult.Overfitting pbo = s.overfitting();
        if (pbo != null) {
            rows.add(measure("pbo_evaluated", pbo.evaluated()));
            rows.add(measure("pbo_probability", pbo.probability()));
            rows.add(measure("pbo_degradation_slope", pbo.degradationSlope()));
            rows.add(measure("pbo_probability_of_loss", pbo.probabilityOfLoss()));
            rows.add(measure("pbo_configurations", pbo.configurations()));
            rows.add(measure("pbo_blocks", pbo.blocks()));
            rows.add(measure("pbo_block_days", pbo.blockDays()));
            rows.add(measure("pbo_observations", pbo.observations()));
            rows.add(measure("pbo_combinations", pbo.combinations()));
            rows.add(measure("pbo_note", pbo.note()));
            explanation(rows, "pbo", words == null ? null : words.overfitting());
        }
        return List.of("measure", "value");
    }

    private static void dieboldMariano(List<List<Object>> rows, String name, DieboldMariano.Result dm, String loss,
                                       String words) {
        if (dm == null) {
            return;
        }
        rows.add(measure(name + "_loss", loss));
        rows.add(measure(name + "_statistic", dm.statistic()));
        rows.add(measure(name + "_p_value", dm.pValue()));
        rows.add(measure(name + "_hln_statistic", dm.hlnStatistic()));
        rows.add(measure(name + "_hln_p_value", dm.hlnPValue()));
        rows.add(measure(name + "_mean_loss_difference", dm.meanLossDifference()));
        rows.add(measure(name + "_observations", dm.observations()));
        rows.add(measure(name + "_variance_estimate", dm.varianceEstimate()));
        rows.add(measure(name + "_bartlett_fallback", dm.fellBack()));
        explanation(rows, name, words);
    }

    private static void explanation(List<List<Object>> rows, String name, String words) {
        if (words != null) {
            rows.add(measure(name + "_explanation", words));
        }
    }

    private static List<Object> measure(String name, Object value) {
        return Arrays.asList(name, value);
    }

    private static List<String> folds(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.ModelRun m : r.models()) {
            for (StudyResult.Fold f : m.folds()) {
                StudyResult.Accuracy a = f.test();
                StudyResult.IcTests t = a.icTests();
                rows.add(Arrays.asList(m.name(), f.index() + 1, f.trainFirst(), f.trainLast(), f.testFirst(),
                        f.testLast(), f.trainingSamples(), a.days(), a.observations(), a.ic(), a.rankIc(), a.icir(),
                        a.rankIcir(), a.mse(), a.hitRate(), t == null ? null : t.icTStatistic(),
                        t == null ? null : t.rankIcTStatistic(), t == null ? null : t.rankIcPValue(),
                        t == null ? null : t.neweyWestLags()));
            }
        }
        return List.of("model", "fold", "train_first", "train_last", "test_first", "test_last", "training_samples",
                "test_days", "observations", "ic", "rank_ic", "icir", "rank_icir", "mse", "hit_rate",
                "ic_t_newey_west", "rank_ic_t_newey_west", "rank_ic_p_value_newey_west", "newey_west_lags");
    }

    private static List<String> coefficients(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.ModelRun m : r.models()) {
            for (StudyResult.Fold f : m.folds()) {
                StudyResult.LinearCoefficients c = f.linear();
                if (c == null) {
                    continue;
                }
                CoefficientInference fm = c.famaMacBeth();
                for (int k = 0; k <= c.factors().size(); k++) {
                    String name = k == 0 ? "alpha" : c.factors().get(k - 1);
                    double pooled = k == 0 ? c.alpha() : c.beta()[k - 1];
                    double pooledT = k == 0 ? c.alphaTValue() : c.betaTValues()[k - 1];
                    rows.add(Arrays.asList(m.name(), f.index() + 1, name, pooled, pooledT,
                            fm == null ? null : fm.estimates()[k], fm == null ? null : fm.standardErrors()[k],
                            fm == null ? null : fm.tValues()[k], fm == null ? null : fm.pValues()[k],
                            fm == null ? null : fm.lags(), fm == null ? null : fm.dates()));
                }
            }
        }
        return List.of("model", "fold", "coefficient", "pooled_estimate", "pooled_t_independent_stock_days",
                "fama_macbeth_estimate", "fama_macbeth_standard_error_newey_west", "fama_macbeth_t",
                "fama_macbeth_p_value", "newey_west_lags", "dates");
    }
}

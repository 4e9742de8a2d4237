package org.factorguard.reports.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;

/**
 * Writes the tables and series of a {@link StudyResult} as CSV (RFC 4180 via Commons CSV, one header row).
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
            case RISK -> risk(r, rows);
            case REGIMES -> regimes(r, rows);
            case CURRENT_ALLOCATION -> allocation(r, rows);
            case WEIGHTS_OVER_TIME -> weights(r, rows);
            case EQUITY_CURVES -> series(r, rows, false);
            case DRAWDOWNS -> series(r, rows, true);
            case OPTIMISATION_DEGREE -> degree(r, rows);
            case SIGNIFICANCE -> significance(r, rows);
            case MODEL_FOLDS -> folds(r, rows);
        };
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(ReportCsv::neutralise).toList());
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(ReportCsv::cell).toList());
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
            rows.add(List.of(p.name(), s.days(), s.maxDrawdown(), s.sharpe(), s.valueAtRisk95(),
                    s.conditionalValueAtRisk95(), s.annualReturn(), s.annualVolatility(), s.sortino(), s.calmar(),
                    s.annualTurnover(), s.totalReturn(), s.hitRate(), s.averageGrossExposure()));
        }
        return List.of("portfolio", "days", "max_drawdown", "sharpe", "var_95", "cvar_95", "annual_return",
                "annual_volatility", "sortino", "calmar", "annual_turnover", "total_return", "hit_rate",
                "average_gross_exposure");
    }

    private static List<String> regimes(StudyResult r, List<List<Object>> rows) {
        for (RegimeReport.Row row : r.regimes().table()) {
            rows.add(List.of(row.regime().label(), row.portfolio(), row.days(), row.averageDailyReturn(),
                    row.maxDrawdown(), row.sharpe(), row.valueAtRisk95()));
        }
        return List.of("regime", "portfolio", "days", "average_daily_return", "max_drawdown", "sharpe", "var_95");
    }

    private static List<String> allocation(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.CurrentAllocation a : r.currentAllocations()) {
            for (StudyResult.Holding h : a.holdings()) {
                rows.add(List.of(a.portfolio(), a.date(), h.ticker(), h.industry(), h.weight(), h.expectedDailyReturn()));
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
        if (s.dieboldMariano() != null) {
            var dm = s.dieboldMariano();
            rows.add(List.of("diebold_mariano_statistic", dm.statistic()));
            rows.add(List.of("diebold_mariano_p_value", dm.pValue()));
            rows.add(List.of("diebold_mariano_hln_statistic", dm.hlnStatistic()));
            rows.add(List.of("diebold_mariano_hln_p_value", dm.hlnPValue()));
            rows.add(List.of("diebold_mariano_observations", dm.observations()));
        }
        if (s.sharpeDifference() != null) {
            var sd = s.sharpeDifference();
            rows.add(List.of("sharpe_difference", sd.observedDifference()));
            rows.add(List.of("sharpe_difference_lower", sd.lower()));
            rows.add(List.of("sharpe_difference_upper", sd.upper()));
            rows.add(List.of("sharpe_difference_confidence", sd.confidence()));
        }
        if (s.deflatedSharpe() != null) {
            var ds = s.deflatedSharpe();
            rows.add(List.of("deflated_sharpe_probability", ds.probability()));
            rows.add(List.of("deflated_sharpe_annualised_sharpe", ds.annualisedSharpe()));
            rows.add(List.of("deflated_sharpe_trials", ds.trials()));
        }
        return List.of("measure", "value");
    }

    private static List<String> folds(StudyResult r, List<List<Object>> rows) {
        for (StudyResult.ModelRun m : r.models()) {
            for (StudyResult.Fold f : m.folds()) {
                StudyResult.Accuracy a = f.test();
                rows.add(List.of(m.name(), f.index() + 1, f.trainFirst(), f.trainLast(), f.testFirst(), f.testLast(),
                        f.trainingSamples(), a.days(), a.observations(), a.ic(), a.rankIc(), a.icir(), a.rankIcir(),
                        a.mse(), a.hitRate()));
            }
        }
        return List.of("model", "fold", "train_first", "train_last", "test_first", "test_last", "training_samples",
                "test_days", "observations", "ic", "rank_ic", "icir", "rank_icir", "mse", "hit_rate");
    }
}

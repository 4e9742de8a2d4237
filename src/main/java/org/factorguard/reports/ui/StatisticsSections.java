package org.factorguard.reports.ui;

import static org.factorguard.reports.ui.ReportTables.table;
import static org.factorguard.reports.ui.ReportTables.header;
import static org.factorguard.reports.ui.ReportTables.row;
import static org.factorguard.reports.ui.ReportTables.scroll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.shared.ui.Formats;

/**
 * The report's significance section (issue 14) and regime sections (issue 15): every figure with one plain line a
 * portfolio manager can act on, N and V of the deflated Sharpe ratio, the regime dating with its parameters, the
 * causal Table 2 and the agreement with the generator's truth. A field a result of an earlier method lacks reads
 * "not computed for this study".
 */
final class StatisticsSections {

    static final String NOT_COMPUTED = "not computed for this study";

    /** The report's own section card (title, CSV button of {@code table}, content). */
    @FunctionalInterface
    interface SectionMaker {
        Component section(String title, ReportTable table, Component... content);
    }

    private StatisticsSections() {
    }

    // ---------------------------------------------------------------- significance

    static Component significance(StudyResult r, SectionMaker maker) {
        StudyResult.Significance s = r.significance();
        StudyResult.Explanations e = s.explanations();
        NativeTable table = table("report-significance-table");
        table.add(header(List.of("Test", "Result")));
        NativeTableBody body = new NativeTableBody();
        table.add(body);

        DieboldMariano.Result dm = s.dieboldMariano();
        String dmLoss = r.methodVersion() < 2 ? "raw squared errors" : "ranking errors (demeaned squared error)";
        rowWithMeaning(body, "sig-dm", "Diebold–Mariano (HLN), " + dmLoss,
                dm == null ? "too few days" : dieboldMariano(dm),
                e != null ? e.dieboldMariano() : "Whether the LSTM's forecast errors differ from the linear model's "
                        + "by more than chance; a positive statistic means the LSTM's errors are larger.");
        DieboldMariano.Result dmIc = s.dieboldMarianoRankIc();
        rowWithMeaning(body, "sig-dm-rank-ic", "Diebold–Mariano (HLN), 1 − daily Rank IC",
                dmIc == null ? NOT_COMPUTED : dieboldMariano(dmIc), e != null ? e.dieboldMarianoRankIc() : null);

        SharpeDifferenceBootstrap.Interval d = s.sharpeDifference();
        rowWithMeaning(body, "sig-sharpe-difference", "Sharpe difference LSTM − linear",
                d == null ? NOT_COMPUTED : sharpeDifference(r, d),
                e != null ? e.sharpeDifference() : "The range the difference in Sharpe ratio would likely fall in "
                        + "again; an interval containing 0 means no demonstrated difference.");

        DeflatedSharpeRatio.Result dsr = s.deflatedSharpe();
        rowWithMeaning(body, "sig-deflated-sharpe", "Deflated Sharpe ratio of the LSTM portfolio",
                dsr == null ? NOT_COMPUTED : "DSR " + number(dsr.probability()) + " (annualised Sharpe "
                        + number(dsr.annualisedSharpe()) + ", " + dsr.observations() + " days)",
                e != null ? e.deflatedSharpe() : "The probability that the Sharpe ratio is real after allowing for "
                        + "the number of configurations tried.");
        rowWithMeaning(body, "sig-trials", "N, configurations tried", trials(s),
                "The more configurations were tried, the higher the best Sharpe ratio would be by luck alone; "
                        + "the deflated Sharpe ratio is judged against that.");
        rowWithMeaning(body, "sig-variance", "V, variance of the trials' Sharpe ratios", variance(r, s),
                "How far the tried configurations' Sharpe ratios scatter; it sets the luck the deflated Sharpe "
                        + "ratio allows for.");

        StudyResult.Overfitting o = s.overfitting();
        rowWithMeaning(body, "sig-pbo", "Probability of backtest overfitting (CSCV)", overfitting(o),
                e != null ? e.overfitting() : null);

        Paragraph note = note(s.note());
        note.setId("report-significance-note");
        return maker.section("Significance (LSTM vs linear)", ReportTable.SIGNIFICANCE, scroll(table), note);
    }

    private static String dieboldMariano(DieboldMariano.Result dm) {
        return "statistic " + number(dm.hlnStatistic()) + ", " + pValue(dm.hlnPValue()) + " (" + dm.observations()
                + " days, horizon " + dm.horizon() + ", "
                + (dm.fellBack() ? "Bartlett fallback variance" : "unweighted HLN variance") + ")";
    }

    private static String sharpeDifference(StudyResult r, SharpeDifferenceBootstrap.Interval d) {
        String interval = Formats.percent(d.confidence(), 0) + (r.methodVersion() < 2 ? " percentile" : " studentised")
                + " interval [" + number(d.lower()) + ", " + number(d.upper()) + "]";
        String p = r.methodVersion() < 2 || !Double.isFinite(d.pValue()) ? "p-value " + NOT_COMPUTED
                : pValue(d.pValue());
        String block = (d.automaticBlockLength() ? "automatic block length (Politis–White) " : "fixed block length ")
                + Formats.number(d.meanBlockLength(), 1) + " days";
        return number(d.observedDifference()) + ", " + interval + ", " + p + ", " + block;
    }

    private static String trials(StudyResult.Significance s) {
        StudyResult.TrialCount c = s.trialCount();
        if (c == null) {
            return "N = " + s.trials() + " (breakdown " + NOT_COMPUTED + ")";
        }
        return "N = " + c.total() + ": " + c.describe();
    }

    private static String variance(StudyResult r, StudyResult.Significance s) {
        DeflatedSharpeRatio.Result dsr = s.deflatedSharpe();
        if (dsr == null || r.methodVersion() < 2) {
            return "source " + NOT_COMPUTED;
        }
        String v = "V = " + Formats.significant(dsr.trialSharpeVariance(), 3) + " ";
        return v + switch (dsr.varianceSource()) {
            case TRIALS -> "from the " + s.knownTrialSharpes() + " trials whose Sharpe ratios are known";
            case NULL_SAMPLING_VARIANCE -> "= 1/(T − 1), the null sampling variance: only " + s.knownTrialSharpes()
                    + " trial Sharpe ratios known (fewer than ten)";
            case GIVEN -> "as given";
        };
    }

    private static String overfitting(StudyResult.Overfitting o) {
        if (o == null) {
            return NOT_COMPUTED;
        }
        if (!o.evaluated()) {
            return "not evaluated: " + o.note();
        }
        return "PBO " + percent(o.probability()) + ", probability of loss " + percent(o.probabilityOfLoss())
                + ", degradation slope " + number(o.degradationSlope()) + " (" + o.configurations()
                + " checkpoints, " + o.blocks() + " blocks of " + o.blockDays() + " days, " + o.combinations()
                + " splits)";
    }

    // ---------------------------------------------------------------- regimes

    /**
     * Table 2 by the ex-post dating (with the method, its parameters and the agreement with the truth), Table 2 by
     * the causal view, and the dating's CSV downloads.
     *
     * @param exPostTable the existing ex-post Table 2
     * @param chart       the existing regime chart
     * @param exportSlot  the CSV buttons of tables without their own card (null on a shared page)
     */
    static List<Component> regimes(StudyResult r, SectionMaker maker, Component exPostTable, Component chart,
                                   ReportBody.ExportSlot exportSlot) {
        StudyResult.RegimeAnalysis a = r.regimes();
        StudyResult.RegimeDating dating = a.dating();
        List<Component> sections = new ArrayList<>();
        Paragraph method = note(dating == null
                ? "Dating method: " + NOT_COMPUTED + " (regimes from the earlier trailing 60-day mean rule)."
                : "Dating method: " + dating.method() + ". Parameters: " + dating.parameters() + ".");
        method.setId("report-regime-method");
        sections.add(maker.section("Regimes (Table 2)", ReportTable.REGIMES, method, exPostTable, chart,
                note("Ex-post dating: the whole sample known, as an analyst dates regimes afterwards.")));

        Div agreement = new Div(agreement(r, dating));
        if (dating != null && dating.explanation() != null) {
            agreement.add(note(dating.explanation()));
        }
        if (dating != null) {
            agreement.add(downloads(exportSlot, ReportTable.REGIME_DAYS));
        }
        sections.add(maker.section("Regime dating and agreement", dating == null ? null : ReportTable.REGIME_DATING,
                agreement));

        Paragraph meaning = note("The causal view: what a manager could have known on the day, each day's regime "
                + "from the index up to that day only.");
        sections.add(dating == null
                ? maker.section("Regimes by the causal view (Table 2)", null, meaning, notComputed())
                : maker.section("Regimes by the causal view (Table 2)", ReportTable.REGIMES_CAUSAL, meaning,
                        regimeTable("report-regime-causal-table", dating.causalTable())));
        return sections;
    }

    private static Component agreement(StudyResult r, StudyResult.RegimeDating dating) {
        if (!r.syntheticData()) {
            return note("Real data: no true regimes, so no agreement or κ.");
        }
        if (dating == null) {
            Paragraph p = note("Agreement of the detected regimes with the generator's truth: "
                    + percent(r.regimes().agreement()) + "; Cohen's κ and the causal view " + NOT_COMPUTED + ".");
            p.setId("report-regime-agreement");
            return p;
        }
        NativeTable table = table("report-regime-agreement-table");
        table.add(header(List.of("View", "Agreement with the truth", "Cohen's κ", "Days")));
        NativeTableBody body = new NativeTableBody();
        agreementRow(body, "Ex-post dating", dating.exPostAgreement());
        agreementRow(body, "Causal view", dating.causalAgreement());
        StudyResult.AgreementWithTruth base = dating.exPostAgreement() != null ? dating.exPostAgreement()
                : dating.causalAgreement();
        if (base != null) {
            body.add(row("Always " + base.majorityRegime().label() + " (majority baseline)",
                    percent(base.majorityAgreement()), number(0), String.valueOf(base.days())));
        }
        table.add(body);
        return new Div(scroll(table), note("Cohen's κ: 0 is no better than guessing by the regimes' shares, "
                + "1 is perfect; the majority baseline always guesses the most frequent regime."));
    }

    private static void agreementRow(NativeTableBody body, String view, StudyResult.AgreementWithTruth a) {
        body.add(a == null ? row(view, NOT_COMPUTED, NOT_COMPUTED, "–")
                : row(view, percent(a.agreement()), number(a.kappa()), String.valueOf(a.days())));
    }

    /** CSV buttons for tables that have no card of their own (none on a shared page). */
    static Component downloads(ReportBody.ExportSlot exportSlot, ReportTable... tables) {
        Div box = new Div();
        box.addClassName("fg-report-downloads");
        if (exportSlot != null) {
            for (ReportTable t : tables) {
                Span label = new Span(t.label() + ": ");
                label.addClassName("fg-muted");
                box.add(new Div(label, exportSlot.exportButton(t)));
            }
        }
        return box;
    }

    static Component regimeTable(String id, List<RegimeReport.Row> rows) {
        NativeTable table = table(id);
        table.add(header(List.of("Regime", "Portfolio", "Days", "Avg daily return", "Max drawdown", "Sharpe",
                "VaR 95 %")));
        NativeTableBody body = new NativeTableBody();
        for (RegimeReport.Row row : rows) {
            body.add(row(row.regime().label(), row.portfolio(), String.valueOf(row.days()),
                    percent2(row.averageDailyReturn()), percent2(row.maxDrawdown()), number(row.sharpe()),
                    percent2(row.valueAtRisk95())));
        }
        table.add(body);
        return scroll(table);
    }

    // ---------------------------------------------------------------- helpers

    private static Paragraph notComputed() {
        Paragraph p = note("Not computed for this study: re-run it for the causal view.");
        p.addClassName("fg-not-computed");
        return p;
    }

    private static void rowWithMeaning(NativeTableBody body, String id, String label, String value, String meaning) {
        NativeTableRow figure = row(label, value);
        figure.setId("report-" + id);
        body.add(figure);
        NativeTableCell line = new NativeTableCell(meaning == null ? "Plain reading " + NOT_COMPUTED + "." : meaning);
        line.getElement().setAttribute("colspan", "2");
        line.addClassName("fg-muted");
        line.setId("report-" + id + "-meaning");
        NativeTableRow under = new NativeTableRow(line);
        under.addClassName("fg-meaning-row");
        body.add(under);
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text == null ? "" : text);
        p.addClassName("fg-muted");
        return p;
    }

    private static String percent(double v) {
        return Formats.percent(v, 1);
    }

    private static String percent2(double v) {
        return Formats.percent(v, 2);
    }

    private static String number(double v) {
        return Formats.number(v, 2);
    }

    private static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : "p = " + Formats.number(p, 3);
    }
}

package org.factorguard.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.BacktestRulesResults;
import org.factorguard.reports.service.ReportTable;
import org.junit.jupiter.api.Test;

class StatisticsSectionsTest {

    private static final StudyResult.Explanations EXPLANATIONS = new StudyResult.Explanations(
            "DM says the ranking errors are alike.", "DM on Rank IC says the ordering is alike.",
            "The Sharpe difference could be zero.", "The Sharpe ratio survives 25 tries.",
            "Better in sample went with worse out of sample.");

    @Test
    void a_current_result_shows_every_significance_figure_with_its_plain_line() {
        Component section = StatisticsSections.significance(current(), (title, table, content) -> {
            assertThat(table).isEqualTo(ReportTable.SIGNIFICANCE);
            return new Div(content);
        });
        assertThat(cell(section, "report-sig-dm")).contains("statistic 1.23").contains("p = 0.220")
                .contains("unweighted HLN variance");
        assertThat(cell(section, "report-sig-dm-meaning")).isEqualTo(EXPLANATIONS.dieboldMariano());
        assertThat(cell(section, "report-sig-dm-rank-ic")).contains("statistic -0.50")
                .contains("Bartlett fallback variance");
        assertThat(cell(section, "report-sig-dm-rank-ic-meaning")).isEqualTo(EXPLANATIONS.dieboldMarianoRankIc());
        assertThat(cell(section, "report-sig-sharpe-difference")).contains("95 % studentised interval [-0.40, 0.80]")
                .contains("p = 0.310").contains("automatic block length (Politis–White) 12.5 days");
        assertThat(cell(section, "report-sig-deflated-sharpe")).contains("DSR 0.81");
        assertThat(cell(section, "report-sig-trials")).contains("N = 25: 20 screened candidate factors + 1 earlier")
                .contains("0 LSTM grid configurations + 2 model portfolios = 25");
        assertThat(cell(section, "report-sig-variance")).contains("null sampling variance").contains("only 3 trial");
        assertThat(cell(section, "report-sig-pbo")).contains("PBO 40.0 %").contains("probability of loss 10.0 %")
                .contains("8 blocks of 30 days, 70 splits");
        assertThat(cell(section, "report-sig-pbo-meaning")).isEqualTo(EXPLANATIONS.overfitting());
    }

    @Test
    void an_old_result_says_which_significance_figures_were_not_computed() {
        StudyResult old = BacktestRulesResults.methodOne();
        Component section = StatisticsSections.significance(old, (title, table, content) -> new Div(content));
        assertThat(cell(section, "report-sig-dm")).contains("statistic");
        assertThat(cell(section, "report-sig-dm-rank-ic")).isEqualTo(StatisticsSections.NOT_COMPUTED);
        assertThat(cell(section, "report-sig-sharpe-difference")).contains("percentile interval")
                .contains("p-value not computed for this study").contains("fixed block length");
        assertThat(cell(section, "report-sig-trials")).isEqualTo("N = " + old.significance().trials()
                + " (breakdown not computed for this study)");
        assertThat(cell(section, "report-sig-variance")).isEqualTo("source not computed for this study");
        assertThat(cell(section, "report-sig-pbo")).isEqualTo(StatisticsSections.NOT_COMPUTED);
        assertThat(cell(section, "report-sig-dm-rank-ic-meaning")).contains("not computed for this study");
    }

    @Test
    void a_current_result_names_the_dating_shows_the_causal_table_and_kappa_with_their_downloads() {
        List<ReportTable> exported = new ArrayList<>();
        List<ReportTable> buttons = new ArrayList<>();
        List<Component> sections = StatisticsSections.regimes(current(), (title, table, content) -> {
            exported.add(table);
            return new Div(content);
        }, new Div(), new Div(), table -> {
            buttons.add(table);
            return new Span(table.slug());
        });
        assertThat(exported).containsExactly(ReportTable.REGIMES, ReportTable.REGIME_DATING,
                ReportTable.REGIMES_CAUSAL);
        assertThat(buttons).containsExactly(ReportTable.REGIME_DAYS);
        Component all = new Div(sections.toArray(Component[]::new));
        assertThat(text(all, "report-regime-method")).isEqualTo(
                "Dating method: Lunde–Timmermann peak-to-trough. Parameters: bull 20 %, bear 15 %.");
        assertThat(rows(all, "report-regime-agreement-table")).containsExactly(
                "Ex-post dating|81.0 %|0.66|1000", "Causal view|62.0 %|0.35|1000",
                "Always Sideways (majority baseline)|48.0 %|0.00|1000");
        assertThat(rows(all, "report-regime-causal-table")).containsExactly(
                "Bear|LSTM|120|-0.10 %|-18.00 %|-1.20|2.50 %");
        assertThat(texts(all)).anySatisfy(t -> assertThat(t).contains("what a manager could have known on the day"));
    }

    @Test
    void an_old_result_keeps_its_table_2_and_says_the_causal_view_and_kappa_were_not_computed() {
        List<ReportTable> exported = new ArrayList<>();
        List<ReportTable> buttons = new ArrayList<>();
        StudyResult old = BacktestRulesResults.methodOne();
        List<Component> sections = StatisticsSections.regimes(old, (title, table, content) -> {
            exported.add(table);
            return new Div(content);
        }, new Div(), new Div(), table -> {
            buttons.add(table);
            return new Span();
        });
        assertThat(exported).containsExactly(ReportTable.REGIMES, null, null);
        assertThat(buttons).isEmpty();
        Component all = new Div(sections.toArray(Component[]::new));
        assertThat(text(all, "report-regime-method")).contains("not computed for this study");
        assertThat(texts(all)).anySatisfy(t -> assertThat(t).startsWith("Not computed for this study"));
        if (old.syntheticData()) {
            assertThat(text(all, "report-regime-agreement")).contains("Cohen's κ and the causal view not computed");
        }
    }

    /** The method-1 fixture with the statistics and the regime dating of the current method filled in. */
    static StudyResult current() {
        StudyResult old = BacktestRulesResults.methodOne();
        var dm = new DieboldMariano.Result(1.3, 0.19, 1.23, 0.22, 0.001, 900, 20, 2.0e-6,
                DieboldMariano.VarianceEstimate.UNWEIGHTED);
        var dmIc = new DieboldMariano.Result(-0.52, 0.6, -0.5, 0.62, -0.01, 900, 20, 3.0e-4,
                DieboldMariano.VarianceEstimate.BARTLETT_FALLBACK);
        var interval = new SharpeDifferenceBootstrap.Interval(0.2, -0.4, 0.8, 0.95, 1999, 12.5, 7L, 0.3, 0.3, 0.31,
                true);
        var dsr = new DeflatedSharpeRatio.Result(0.81, 0.05, 0.03, 0.79, 25, 900, -0.2, 4.1, 1.1e-3,
                DeflatedSharpeRatio.VarianceSource.NULL_SAMPLING_VARIANCE);
        var pbo = new StudyResult.Overfitting(true, 0.4, -0.3, 0.1, 12, 8, 30, 240, 70, "checkpoints");
        var significance = new StudyResult.Significance(dm, interval, dsr, 25, "A = LSTM, B = linear", dmIc,
                new StudyResult.TrialCount(20, 1, 2, 0, 2), 3, pbo, EXPLANATIONS);
        var exPost = new StudyResult.AgreementWithTruth(1000, 0.81, 0.66, Regime.SIDEWAYS, 0.48);
        var causal = new StudyResult.AgreementWithTruth(1000, 0.62, 0.35, Regime.SIDEWAYS, 0.48);
        var dating = new StudyResult.RegimeDating("Lunde–Timmermann peak-to-trough", "bull 20 %, bear 15 %",
                old.regimes().detected(), List.of(new RegimeReport.Row(Regime.BEAR, "LSTM", 120, -0.001, -0.18,
                -1.2, 0.025)), exPost, causal, "Dated ex post; agrees on 81 %.");
        var regimes = new StudyResult.RegimeAnalysis(old.regimes().detected(), old.regimes().trueRegimes(), 0.81,
                old.regimes().table(), dating);
        return new StudyResult(old.codeVersion(), old.datasetLabel(), old.datasetHash(), true, old.seed(),
                old.config(), old.notes(), old.timings(), old.selection(), old.factorMissing(), old.models(),
                old.returnDates(), old.portfolios(), old.currentAllocations(), regimes, old.optimisationDegree(),
                significance, StudyResult.METHOD_VERSION, old.dataTreatment(), old.exAnteRisk(), old.tearSheet());
    }

    private static String cell(Component c, String rowId) {
        Component row = byId(c, rowId).orElseThrow(() -> new AssertionError("no " + rowId));
        List<Component> cells = row instanceof NativeTableRow ? row.getChildren().toList() : List.of(row);
        return ((NativeTableCell) cells.getLast()).getText();
    }

    private static String text(Component c, String id) {
        return ((Paragraph) byId(c, id).orElseThrow()).getText();
    }

    private static List<String> rows(Component c, String tableId) {
        NativeTable table = (NativeTable) byId(c, tableId).orElseThrow();
        return descendants(table).filter(NativeTableRow.class::isInstance)
                .filter(r -> r.getChildren().allMatch(NativeTableCell.class::isInstance))
                .map(r -> r.getChildren().map(x -> ((NativeTableCell) x).getText()).collect(Collectors.joining("|")))
                .toList();
    }

    private static List<String> texts(Component c) {
        return descendants(c).filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()).toList();
    }

    private static Optional<Component> byId(Component c, String id) {
        return descendants(c).filter(d -> d.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(StatisticsSectionsTest::descendants));
    }
}

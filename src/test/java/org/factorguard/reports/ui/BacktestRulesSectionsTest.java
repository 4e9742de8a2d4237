package org.factorguard.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.BacktestRulesResults;
import org.factorguard.reports.service.ReportTable;
import org.junit.jupiter.api.Test;

class BacktestRulesSectionsTest {

    @Test
    void a_result_of_an_earlier_method_says_its_version_and_asks_for_a_re_run() {
        Component header = BacktestRulesSections.methodVersion(BacktestRulesResults.methodOne());
        assertThat(texts(header)).anySatisfy(t -> assertThat(t).startsWith("Method version 1: "))
                .anySatisfy(t -> assertThat(t).contains("re-run the study for current figures"));
        assertThat(byId(header, "report-method-outdated")).isPresent();
    }

    @Test
    void a_current_result_says_its_version_without_a_notice() {
        Component header = BacktestRulesSections.methodVersion(BacktestRulesResults.withOverlay());
        assertThat(texts(header)).singleElement().satisfies(t -> assertThat(t).startsWith("Method version 3: "));
        assertThat(byId(header, "report-method-outdated")).isEmpty();
    }

    @Test
    void a_result_before_the_overlay_says_the_limit_and_the_data_treatment_were_not_computed() {
        StudyResult old = BacktestRulesResults.methodOne();
        List<ReportTable> exported = new ArrayList<>();
        BacktestRulesSections.SectionMaker maker = (title, table, content) -> {
            exported.add(table);
            return new Div(content);
        };
        assertThat(texts(BacktestRulesSections.drawdownLimit(old, maker))).singleElement()
                .satisfies(t -> assertThat(t).startsWith("Not computed for this study"));
        assertThat(texts(BacktestRulesSections.dataTreatment(old, maker))).singleElement()
                .satisfies(t -> assertThat(t).startsWith("Not recorded for this study"));
        assertThat(exported).containsOnlyNulls();
    }

    @Test
    void a_stopped_out_model_gets_the_lock_in_sentence_and_the_other_does_not() {
        List<ReportTable> exported = new ArrayList<>();
        Component section = BacktestRulesSections.drawdownLimit(BacktestRulesResults.withOverlay(),
                (title, table, content) -> {
                    exported.add(table);
                    return new Div(content);
                });
        assertThat(exported).containsExactly(ReportTable.DRAWDOWN_LIMIT);
        assertThat(byId(section, "report-drawdown-limit-says-lstm").map(c -> ((Paragraph) c).getText()).orElseThrow())
                .contains("hit its hard drawdown limit on").contains("stayed in cash from then on");
        assertThat(byId(section, "report-drawdown-limit-says-linear").map(c -> ((Paragraph) c).getText())
                .orElseThrow()).doesNotContain("hard drawdown limit").contains("never had to act");
        assertThat(byId(section, "report-drawdown-limit-chart-lstm")).isPresent();
    }

    @Test
    void the_limit_chart_draws_the_limit_as_a_flat_line_and_the_exposure_in_the_lower_panel() {
        StudyResult r = BacktestRulesResults.withOverlay();
        StudyResult.Portfolio lstm = r.portfolio(StudyResult.LSTM);
        List<Map<String, Object>> series = series(BacktestRulesSections.drawdownLimitOption(r, lstm, "#000")
                .toMap());
        assertThat(series).extracting(s -> s.get("name"))
                .containsExactly("LSTM", "LSTM without overlay", "Limit", "Exposure");
        assertThat(data(series.get(2))).hasSize(r.returnDates().length).containsOnly(-0.2);
        assertThat(series.get(3)).containsEntry("xAxisIndex", 1);
        assertThat(data(series.get(3))).last().isEqualTo(0.0);
    }

    @Test
    void only_model_portfolios_get_a_second_line_without_the_overlay() {
        StudyResult r = BacktestRulesResults.withOverlay();
        NativeTableCell lstm = new NativeTableCell("x");
        BacktestRulesSections.withoutOverlayLine(lstm, r.portfolio(StudyResult.LSTM),
                PerformanceSummary::totalReturn, v -> String.valueOf(v));
        NativeTableCell index = new NativeTableCell("x");
        BacktestRulesSections.withoutOverlayLine(index, r.portfolio(StudyResult.MARKET_INDEX),
                PerformanceSummary::totalReturn, v -> String.valueOf(v));
        double own = r.portfolio(StudyResult.LSTM).drawdownOverlay().withoutOverlay().totalReturn();
        assertThat(lstm.getChildren().map(c -> ((Div) c).getText()).toList())
                .containsExactly(own + " w/o overlay");
        assertThat(index.getChildren().count()).isZero();
    }

    private static List<String> texts(Component c) {
        return descendants(c).filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()).toList();
    }

    private static Optional<Component> byId(Component c, String id) {
        return descendants(c).filter(d -> d.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(BacktestRulesSectionsTest::descendants));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> data(Map<String, Object> series) {
        return (List<Object>) series.get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(Map<String, Object> option) {
        return (List<Map<String, Object>>) option.get("series");
    }
}

package org.factorguard.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.factorguard.quant.backtest.AttributionResult;
import org.factorguard.quant.models.ImportanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;
import org.factorguard.quant.study.TearSheet;
import org.junit.jupiter.api.Test;

class TearSheetSectionsTest {

    @Test
    void a_result_written_before_tear_sheets_says_they_were_not_computed() throws IOException {
        StudyResult old;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/factorguard/quant/study/study-result-method-1.json.gz")) {
            old = StudyResultJson.read(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Component> sections = TearSheetSections.sections(old, (title, table, content) -> {
            assertThat(table).as("nothing to export").isNull();
            return new Div(content);
        });
        assertThat(sections).hasSize(3).allSatisfy(s -> assertThat(s.getChildren().findFirst().orElseThrow())
                .isInstanceOfSatisfying(Paragraph.class, p -> assertThat(p.getText())
                        .contains("Not computed for this study")));
    }

    @Test
    void the_quintile_chart_has_one_bar_per_quintile_for_each_model() {
        TearSheet sheet = sheet();
        List<Map<String, Object>> series = series(TearSheetSections.meanByQuintileOption(sheet).toMap());
        assertThat(series).extracting(s -> s.get("name")).containsExactly("Linear", "LSTM");
        assertThat(data(series.get(1))).containsExactly(-0.02, -0.01, 0.0, 0.01, 0.03);
    }

    @Test
    void the_importance_chart_shows_the_mean_as_a_bar_and_every_fold_as_a_dot() {
        List<Map<String, Object>> series = series(TearSheetSections.importanceOption(sheet()).toMap());
        assertThat(series).extracting(s -> s.get("type")).containsExactly("bar", "bar", "scatter", "scatter");
        assertThat(data(series.get(1))).containsExactly(0.05, 0.0);
        assertThat(data(series.get(3))).containsExactly(List.of(0, 0.04), List.of(0, 0.06),
                List.of(1, -0.01), List.of(1, 0.01));
    }

    @Test
    void the_attribution_bars_stack_the_five_parts_up_to_the_net_return() {
        List<Map<String, Object>> series = series(TearSheetSections.attributionOption(sheet()).toMap());
        assertThat(series).hasSize(6);
        double stacked = 0;
        for (int p = 0; p < 5; p++) {
            stacked += (Double) ((List<?>) series.get(p).get("data")).getFirst();
        }
        List<?> net = (List<?>) ((List<?>) series.get(5).get("data")).getFirst();
        assertThat(stacked).isEqualTo((Double) net.get(1), within(1e-9));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> data(Map<String, Object> series) {
        return (List<Object>) series.get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(Map<String, Object> option) {
        return (List<Map<String, Object>>) option.get("series");
    }

    private static TearSheet sheet() {
        LocalDate d = LocalDate.of(2020, 1, 2);
        TearSheet.QuantileFigures flat = new TearSheet.QuantileFigures(d, d, 1, new double[5], new double[5], 0, 0, 1,
                0.8, 0.8, Double.NaN);
        TearSheet.QuantileFigures rising = new TearSheet.QuantileFigures(d, d, 1,
                new double[] {-0.02, -0.01, 0, 0.01, 0.03}, new double[5], 0.05, 4, 0.001, 0.2, 0.2, 1);
        TearSheet.ModelQuantiles linear = new TearSheet.ModelQuantiles("Linear", flat, List.of(flat),
                new LocalDate[] {d}, new float[5][1], new float[1]);
        TearSheet.ModelQuantiles lstm = new TearSheet.ModelQuantiles("LSTM", rising, List.of(rising),
                new LocalDate[] {d}, new float[5][1], new float[1]);
        ImportanceSummary.Aggregate none = new ImportanceSummary.Aggregate("EP", 0.01, 0.0, 0, 0,
                new double[] {0.01, 0.01});
        ImportanceSummary.Aggregate noise = new ImportanceSummary.Aggregate("NOISE", 0.0, 0.01, 0, 0,
                new double[] {-0.01, 0.01});
        ImportanceSummary.Aggregate ep = new ImportanceSummary.Aggregate("EP", 0.05, 0.01, 0, 0,
                new double[] {0.04, 0.06});
        TearSheet.Parts total = new TearSheet.Parts("total", 0.10, 0.01, 0.02, 0.03, -0.01, 0.15);
        TearSheet.PortfolioAttribution book = new TearSheet.PortfolioAttribution("LSTM", total,
                List.of(new TearSheet.Parts("2020", 0.10, 0.01, 0.02, 0.03, -0.01, 0.15)), List.of("Market"),
                List.of(AttributionResult.Group.MARKET), new double[] {0.10}, new double[] {1.0}, 0.3);
        return new TearSheet(5, 20, List.of(linear, lstm),
                List.of(new TearSheet.ModelImportance("Linear", 2, 20, new double[] {0.1, 0.1}, List.of(none, noise),
                                List.of()),
                        new TearSheet.ModelImportance("LSTM", 2, 20, new double[] {0.1, 0.1}, List.of(ep, noise),
                                List.of())),
                List.of(book));
    }
}

package org.factorguard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    @Test
    void a_time_chart_has_no_animation_a_legend_an_axis_tooltip_with_its_formatter_and_zoom() {
        Map<String, Object> option = ChartOptions.chart().grid(72, 24, 48, 64).legend()
                .axisTooltip(ChartFormat.PERCENT).zoom()
                .xAxis(Axis.categories(List.of("2020-01-02", "2020-01-03")).noBoundaryGap())
                .yAxis(Axis.values().name("drawdown").labels(ChartFormat.PERCENT0))
                .series(Series.line("LSTM", ChartData.values(new double[] {0, -0.01})).noSymbols().area(0.08))
                .toMap();

        assertThat(option).containsEntry("animation", false)
                .containsEntry("grid", Map.of("left", 72, "right", 24, "top", 48, "bottom", 64))
                .containsEntry("legend", Map.of("top", 8))
                .containsEntry("tooltip", Map.of("trigger", "axis", "valueFormatter", "fg:percent"))
                .containsEntry("dataZoom", List.of(Map.of("type", "inside"),
                        Map.of("type", "slider", "height", 18, "bottom", 8)))
                .containsEntry("xAxis", Map.of("type", "category", "data", List.of("2020-01-02", "2020-01-03"),
                        "boundaryGap", false))
                .containsEntry("yAxis", Map.of("type", "value", "name", "drawdown",
                        "axisLabel", Map.of("formatter", "fg:percent0")))
                .containsEntry("series", List.of(Map.of("type", "line", "name", "LSTM", "showSymbol", false,
                        "areaStyle", Map.of("opacity", 0.08), "data", List.of(0.0, -0.01))));
    }

    @Test
    void a_second_value_axis_turns_the_axes_into_a_list_and_series_pick_theirs() {
        Map<String, Object> option = ChartOptions.chart()
                .yAxis(Axis.values().name("annual return")).yAxis(Axis.values().name("Sharpe"))
                .series(Series.line("Sharpe", List.of(1.0)).onRightAxis().dashed(true).width(1.4)).toMap();

        assertThat(option.get("yAxis")).isEqualTo(List.of(Map.of("type", "value", "name", "annual return"),
                Map.of("type", "value", "name", "Sharpe")));
        assertThat(option.get("series")).isEqualTo(List.of(Map.of("type", "line", "name", "Sharpe",
                "yAxisIndex", 1, "lineStyle", Map.of("type", "dashed", "width", 1.4), "data", List.of(1.0))));
        assertThat(option).doesNotContainKeys("legend", "tooltip", "dataZoom", "xAxis");
    }

    @Test
    void a_lower_panel_gets_its_own_grid_and_axes_and_zoom_and_pointer_act_on_both_panels() {
        Map<String, Object> option = ChartOptions.chart().grid(72, 24, 48, 40).zoom()
                .xAxis(Axis.time()).yAxis(Axis.values().name("equity"))
                .lowerPanel(Axis.time(), Axis.values().name("drawdown"), 0.3)
                .series(Series.line("#1 LSTM", List.of()))
                .series(Series.line("#1 LSTM", List.of()).inLowerPanel())
                .toMap();

        assertThat(option.get("grid")).isEqualTo(List.of(
                Map.of("left", 72, "right", 24, "top", 48, "bottom", "38%"),
                Map.of("left", 72, "right", 24, "top", "70%", "bottom", 40)));
        assertThat(option.get("xAxis")).isEqualTo(List.of(Map.of("type", "time"),
                Map.of("type", "time", "gridIndex", 1)));
        assertThat(option.get("yAxis")).isEqualTo(List.of(Map.of("type", "value", "name", "equity"),
                Map.of("type", "value", "name", "drawdown", "gridIndex", 1)));
        assertThat(option.get("series")).isEqualTo(List.of(
                Map.of("type", "line", "name", "#1 LSTM", "data", List.of()),
                Map.of("type", "line", "name", "#1 LSTM", "xAxisIndex", 1, "yAxisIndex", 1, "data", List.of())));
        assertThat(option.get("dataZoom")).isEqualTo(List.of(Map.of("type", "inside", "xAxisIndex", List.of(0, 1)),
                Map.of("type", "slider", "height", 18, "bottom", 8, "xAxisIndex", List.of(0, 1))));
        assertThat(option.get("axisPointer")).isEqualTo(Map.of("link", List.of(Map.of("xAxisIndex", "all"))));
    }

    @Test
    void missing_values_become_gaps_and_long_series_are_thinned_for_transport() {
        assertThat(ChartData.values(new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY}))
                .containsExactly(1.5, null, null);
        assertThat(ChartData.value(0.123456, 4)).isEqualTo(0.1235);

        LocalDate[] days = new LocalDate[5];
        for (int t = 0; t < days.length; t++) {
            days[t] = LocalDate.of(2020, 1, 1 + t);
        }
        assertThat(ChartData.datedPointsWithGaps(days, new double[] {0.1, 0.2, Double.NaN, 0.4, 0.5}, 2, 5))
                .hasSize(5).contains(Arrays.asList("2020-01-03", null));
        LocalDate[] nine = new LocalDate[9];
        for (int t = 0; t < nine.length; t++) {
            nine[t] = LocalDate.of(2020, 1, 1 + t);
        }
        List<List<Object>> thinned = ChartData.datedPointsWithGaps(nine,
                new double[] {0.1, 0.3, 0.2, Double.NaN, Double.NaN, 0.25, 0.9, 0.4, 0.5}, 2, 8);
        assertThat(thinned).hasSizeLessThan(9).contains(List.of("2020-01-01", 0.1), List.of("2020-01-07", 0.9),
                List.of("2020-01-09", 0.5)).anySatisfy(p -> assertThat(p.get(1)).isNull());
        assertThat(ChartData.datedPoints(Arrays.asList(days), new double[] {0.1, Double.NaN, 0.3, 0.4, 0.5}, 2))
                .extracting(p -> p.get(0)).containsExactly("2020-01-01", "2020-01-03", "2020-01-04", "2020-01-05");
    }

    @Test
    void the_browser_bridge_resolves_every_named_formatter() throws Exception {
        String bridge = Files.readString(Path.of("frontend", "js", "fg-charts.js"));

        for (ChartFormat format : ChartFormat.values()) {
            assertThat(bridge).as(format.name()).contains("'" + format.bridgeName() + "': function");
        }
    }
}

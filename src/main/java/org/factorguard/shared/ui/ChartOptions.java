package org.factorguard.shared.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that writes ECharts options for {@link EChart}. A view names what its chart shows;
 * the layout conventions (no animation, legend on top, axis tooltip with a named formatter, zoom by
 * wheel and slider) live here.
 *
 * <pre>{@code
 * chart.setOption(ChartOptions.chart().grid(72, 24, 48, 64).legend().axisTooltip(ChartFormat.PERCENT).zoom()
 *         .xAxis(Axis.categories(dates).noBoundaryGap()).yAxis(Axis.values().labels(ChartFormat.PERCENT0))
 *         .series(Series.line("LSTM", ChartData.values(drawdown)).noSymbols()));
 * }</pre>
 */
public final class ChartOptions {

    private final Map<String, Object> option = new LinkedHashMap<>();
    private final List<Axis> yAxes = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private Axis lowerX;
    private Axis lowerY;
    private double lowerShare;

    private ChartOptions() {
        // charts are redrawn on every server update (live loss curves, ticked factors): no animation
        option.put("animation", false);
    }

    public static ChartOptions chart() {
        return new ChartOptions();
    }

    /** Space in pixels around the plot area for axis labels, names, legend and zoom slider. */
    public ChartOptions grid(int left, int right, int top, int bottom) {
        option.put("grid", Map.of("left", left, "right", right, "top", top, "bottom", bottom));
        return this;
    }

    /** A legend of the series above the plot. */
    public ChartOptions legend() {
        option.put("legend", Map.of("top", 8));
        return this;
    }

    /** A legend at the very top that pages with arrows when the series do not fit on one line. */
    public ChartOptions scrollingLegend() {
        option.put("legend", Map.of("type", "scroll", "top", 0));
        return this;
    }

    /** A tooltip with every series' value at the pointer's position on the category or time axis. */
    public ChartOptions axisTooltip() {
        option.put("tooltip", Map.of("trigger", "axis"));
        return this;
    }

    /** As {@link #axisTooltip()}, its values written in {@code format}. */
    public ChartOptions axisTooltip(ChartFormat format) {
        option.put("tooltip", Map.of("trigger", "axis", "valueFormatter", format.bridgeName()));
        return this;
    }

    /** A tooltip for the item under the pointer, shown above it (heatmap cells). */
    public ChartOptions itemTooltipAbove() {
        option.put("tooltip", Map.of("position", "top"));
        return this;
    }

    /** Zoom along the x axis: mouse wheel or pinch inside the plot, and a slider below it. */
    public ChartOptions zoom() {
        option.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider", "height", 18, "bottom", 8)));
        return this;
    }

    public ChartOptions xAxis(Axis axis) {
        option.put("xAxis", axis);
        return this;
    }

    /** The value axis; call twice for a second axis on the right. */
    public ChartOptions yAxis(Axis axis) {
        yAxes.add(axis);
        return this;
    }

    /** Colours values from {@code min} to {@code max} along the colours, with a draggable scale below. */
    public ChartOptions colourScale(double min, double max, List<String> colours) {
        option.put("visualMap", Map.of("min", min, "max", max, "calculable", true, "orient", "horizontal",
                "left", "center", "bottom", 0, "itemHeight", 200, "precision", 2, "inRange", Map.of("color", colours)));
        return this;
    }

    /**
     * A second plot below the first that shares its x range (zoom and pointer move both), e.g. drawdowns under
     * equity curves; series go there with {@link Series#inLowerPanel()}.
     *
     * @param share the lower plot's share of the chart's height, between 0.2 and 0.6
     */
    public ChartOptions lowerPanel(Axis x, Axis y, double share) {
        if (!(share >= 0.2 && share <= 0.6)) {
            throw new IllegalArgumentException("the lower panel takes 20 % to 60 % of the height, was " + share);
        }
        lowerX = x;
        lowerY = y;
        lowerShare = share;
        return this;
    }

    public ChartOptions series(Series one) {
        series.add(one);
        return this;
    }

    public ChartOptions series(List<Series> many) {
        series.addAll(many);
        return this;
    }

    /** The option as plain maps and lists, ready for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        option.forEach((key, value) -> out.put(key, value instanceof Axis a ? a.toMap() : value));
        if (lowerX != null) {
            addLowerPanel(out);
            return out;
        }
        if (yAxes.size() == 1) {
            out.put("yAxis", yAxes.getFirst().toMap());
        } else if (!yAxes.isEmpty()) {
            out.put("yAxis", yAxes.stream().map(Axis::toMap).toList());
        }
        out.put("series", series.stream().map(s -> s.toMap(0)).toList());
        return out;
    }

    /** Two grids one above the other, each with its axes; zoom and the axis pointer act on both. */
    private void addLowerPanel(Map<String, Object> out) {
        @SuppressWarnings("unchecked")
        Map<String, Object> grid = (Map<String, Object>) option.getOrDefault("grid",
                Map.of("left", 64, "right", 24, "top", 48, "bottom", 64));
        Map<String, Object> upper = new LinkedHashMap<>(grid);
        upper.put("bottom", percent(lowerShare + 0.08));
        Map<String, Object> lower = new LinkedHashMap<>(grid);
        lower.put("top", percent(1 - lowerShare));
        out.put("grid", List.of(upper, lower));
        Map<String, Object> upperX = option.get("xAxis") instanceof Axis a ? a.toMap() : new LinkedHashMap<>();
        Map<String, Object> lowerXMap = lowerX.toMap();
        lowerXMap.put("gridIndex", 1);
        out.put("xAxis", List.of(upperX, lowerXMap));
        List<Map<String, Object>> ys = new ArrayList<>(yAxes.stream().map(Axis::toMap).toList());
        Map<String, Object> lowerYMap = lowerY.toMap();
        lowerYMap.put("gridIndex", 1);
        ys.add(lowerYMap);
        out.put("yAxis", ys);
        if (out.get("dataZoom") instanceof List<?> zooms) {
            List<Object> both = new ArrayList<>();
            for (Object zoom : zooms) {
                Map<String, Object> z = new LinkedHashMap<>();
                ((Map<?, ?>) zoom).forEach((k, v) -> z.put(String.valueOf(k), v));
                z.put("xAxisIndex", List.of(0, 1));
                both.add(z);
            }
            out.put("dataZoom", both);
        }
        out.put("axisPointer", Map.of("link", List.of(Map.of("xAxisIndex", "all"))));
        out.put("series", series.stream().map(s -> s.toMap(yAxes.size())).toList());
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}

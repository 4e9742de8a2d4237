package org.factorguard.shared.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One series of a {@link ChartOptions} chart: a line, bars or a heatmap, with its data. */
public final class Series {

    /**
     * A shaded band from one category to another, named in the tooltip (e.g. a market regime).
     *
     * @param color a CSS colour, usually translucent
     */
    public record Band(String name, String from, String to, String color) {
    }

    private final Map<String, Object> option = new LinkedHashMap<>();
    private final Map<String, Object> lineStyle = new LinkedHashMap<>();
    private final List<?> data;
    private boolean lower;

    private Series(String type, String name, List<?> data) {
        option.put("type", type);
        option.put("name", name);
        this.data = data;
    }

    /** A line through {@code data}: values per category, or [x, y] points on time and value axes. */
    public static Series line(String name, List<?> data) {
        return new Series("line", name, data);
    }

    public static Series bar(String name, List<?> data) {
        return new Series("bar", name, data);
    }

    /** Points: [category index, value] on a category axis (e.g. one value per fold over a mean's bar). */
    public static Series scatter(String name, List<?> points) {
        return new Series("scatter", name, points);
    }

    /** Size of each point's marker in pixels. */
    public Series symbolSize(int pixels) {
        option.put("symbolSize", pixels);
        return this;
    }

    /** A matrix of [column, row, value] cells, coloured by the chart's {@code colourScale}. */
    public static Series heatmap(String name, List<?> cells) {
        return new Series("heatmap", name, cells);
    }

    /** A legend entry without data, e.g. to explain the colour of {@link #bands}. */
    public static Series legendEntry(String name, String color) {
        return line(name, List.of()).color(color);
    }

    public Series color(String color) {
        option.put("color", color);
        return this;
    }

    /** Draws the line without a marker per point (long series). */
    public Series noSymbols() {
        return symbols(false);
    }

    public Series symbols(boolean shown) {
        option.put("showSymbol", shown);
        return this;
    }

    /** Leaves a gap where a value is missing instead of joining its neighbours. */
    public Series gapsWhereMissing() {
        option.put("connectNulls", false);
        return this;
    }

    public Series width(double pixels) {
        lineStyle.put("width", pixels);
        return this;
    }

    public Series dashed(boolean dashed) {
        lineStyle.put("type", dashed ? "dashed" : "solid");
        return this;
    }

    /** Fills the area under the line in the series colour. */
    public Series area() {
        option.put("areaStyle", Map.of());
        return this;
    }

    public Series area(double opacity) {
        option.put("areaStyle", Map.of("opacity", opacity));
        return this;
    }

    /** Stacks this series on the others with the same stack name. */
    public Series stack(String stack) {
        option.put("stack", stack);
        return this;
    }

    /** Plots against the chart's second value axis (the one on the right). */
    public Series onRightAxis() {
        option.put("yAxisIndex", 1);
        return this;
    }

    public Series onLeftAxis() {
        option.put("yAxisIndex", 0);
        return this;
    }

    /** How this series' values read in the tooltip, where they differ from the chart's. */
    public Series tooltip(ChartFormat format) {
        option.put("tooltip", Map.of("valueFormatter", format.bridgeName()));
        return this;
    }

    /** Plots in the chart's lower panel ({@link ChartOptions#lowerPanel}). */
    public Series inLowerPanel() {
        lower = true;
        return this;
    }

    /** Writes each cell's value into the cell. */
    public Series cellLabels(int fontSize) {
        option.put("label", Map.of("show", true, "fontSize", fontSize));
        return this;
    }

    /** Outlines the cell under the pointer. */
    public Series outlineOnHover() {
        option.put("emphasis", Map.of("itemStyle", Map.of("borderColor", "#333", "borderWidth", 1)));
        return this;
    }

    /** Shades bands of categories behind the line (silent: they show no tooltip of their own). */
    public Series bands(List<Band> bands) {
        List<Object> areas = new ArrayList<>(bands.size());
        for (Band b : bands) {
            areas.add(List.of(Map.of("name", b.name(), "xAxis", b.from(), "itemStyle", Map.of("color", b.color())),
                    Map.of("xAxis", b.to())));
        }
        option.put("markArea", Map.of("silent", true, "label", Map.of("show", false), "data", areas));
        return this;
    }

    /** @param lowerYAxis index of the lower panel's value axis (used only by series in that panel) */
    Map<String, Object> toMap(int lowerYAxis) {
        Map<String, Object> out = new LinkedHashMap<>(option);
        if (lower) {
            out.put("xAxisIndex", 1);
            out.put("yAxisIndex", lowerYAxis);
        }
        if (!lineStyle.isEmpty()) {
            out.put("lineStyle", new LinkedHashMap<>(lineStyle));
        }
        out.put("data", data);
        return out;
    }
}

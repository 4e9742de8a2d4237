package org.factorguard.shared.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One axis of a {@link ChartOptions} chart: categories, dates on a time scale, or values. */
public final class Axis {

    private final Map<String, Object> option = new LinkedHashMap<>();
    private final Map<String, Object> labels = new LinkedHashMap<>();

    private Axis(String type) {
        option.put("type", type);
    }

    /** Evenly spaced labelled positions (dates of rebalances, years, tickers, epochs). */
    public static Axis categories(List<String> labels) {
        Axis axis = new Axis("category");
        axis.option.put("data", labels);
        return axis;
    }

    /** A continuous time scale; series then carry [date, value] points. */
    public static Axis time() {
        return new Axis("time");
    }

    /** A continuous value scale. */
    public static Axis values() {
        return new Axis("value");
    }

    public Axis name(String name) {
        option.put("name", name);
        return this;
    }

    /** Puts the name centred along the axis, {@code gap} pixels away from it. */
    public Axis nameInMiddle(int gap) {
        option.put("nameLocation", "middle");
        option.put("nameGap", gap);
        return this;
    }

    /** Fits the value range to the data instead of always including zero. */
    public Axis fitToData() {
        option.put("scale", true);
        return this;
    }

    /** Ticks in whole units only (epochs). */
    public Axis wholeSteps() {
        option.put("minInterval", 1);
        return this;
    }

    /** Starts the first category at the axis itself, so a line spans the full width. */
    public Axis noBoundaryGap() {
        option.put("boundaryGap", false);
        return this;
    }

    /** The first category at the top (a matrix read like a table). */
    public Axis inverse() {
        option.put("inverse", true);
        return this;
    }

    /** Alternating shaded bands behind the categories. */
    public Axis stripes() {
        option.put("splitArea", Map.of("show", true));
        return this;
    }

    public Axis labels(ChartFormat format) {
        labels.put("formatter", format.bridgeName());
        return this;
    }

    /** Shows every category label (none skipped for space) in the given font size. */
    public Axis everyLabel(int fontSize) {
        labels.put("interval", 0);
        labels.put("fontSize", fontSize);
        return this;
    }

    public Axis rotateLabels(int degrees) {
        labels.put("rotate", degrees);
        return this;
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(option);
        if (!labels.isEmpty()) {
            out.put("axisLabel", new LinkedHashMap<>(labels));
        }
        return out;
    }
}

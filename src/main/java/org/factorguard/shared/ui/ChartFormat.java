package org.factorguard.shared.ui;

/**
 * The value formatters a chart may name. JSON cannot carry functions, so {@code frontend/js/fg-charts.js}
 * resolves these names in the browser; each formats as its {@link Formats} counterpart does.
 */
public enum ChartFormat {
    /** As {@code Formats.percent(v, 2)}: "12.34 %". */
    PERCENT("fg:percent"),
    /** As {@code Formats.percent(v, 1)}: "12.3 %". */
    PERCENT1("fg:percent1"),
    /** As {@code Formats.percent(v, 0)}: "12 %". */
    PERCENT0("fg:percent0"),
    /** As {@code Formats.number(v, 2)}: "1.23". */
    NUMBER2("fg:number2"),
    /** As {@code Formats.number(v, 4)}: "1.2346". */
    NUMBER4("fg:number4");

    private final String bridgeName;

    ChartFormat(String bridgeName) {
        this.bridgeName = bridgeName;
    }

    /** The name fg-charts.js resolves. */
    public String bridgeName() {
        return bridgeName;
    }
}

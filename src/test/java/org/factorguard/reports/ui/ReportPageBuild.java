package org.factorguard.reports.ui;

import com.vaadin.flow.component.Component;
import java.util.stream.Stream;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.shared.ui.EChart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a report page's server side (the shared view's body: tables, notes and every chart's option JSON) without a
 * running portal, so that a benchmark can time opening a report. The browser's rendering is not included.
 */
public final class ReportPageBuild {

    /** What the page would send for its charts. */
    public record Page(int charts, long chartJsonChars, int largestSeriesPoints) {
    }

    private ReportPageBuild() {
    }

    public static Page build(ReportDetail detail) {
        ReportBody body = new ReportBody(detail, null);
        JsonMapper json = JsonMapper.builder().build();
        int charts = 0;
        long chars = 0;
        int largest = 0;
        for (EChart chart : charts(body).toList()) {
            charts++;
            chars += chart.optionJson().length();
            for (JsonNode series : json.readTree(chart.optionJson()).path("series")) {
                largest = Math.max(largest, series.path("data").size());
            }
        }
        return new Page(charts, chars, largest);
    }

    private static Stream<EChart> charts(Component c) {
        return c instanceof EChart chart ? Stream.of(chart) : c.getChildren().flatMap(ReportPageBuild::charts);
    }
}

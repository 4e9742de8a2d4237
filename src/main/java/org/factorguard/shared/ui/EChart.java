package org.factorguard.shared.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by Apache ECharts (served from the {@code org.webjars:echarts} jar) in the browser.
 * The server sends the ECharts option as JSON; {@code frontend/js/fg-charts.js} renders it and
 * resolves named formatters such as {@code "fg:percent"}. No npm package or frontend rebuild is
 * involved, so it works in development and production mode alike. Views build the option with
 * {@link ChartOptions}.
 */
public class EChart extends Div {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String BRIDGE = "js/fg-charts.js";

    private String optionJson = "{}";

    public EChart() {
        addClassName("fg-chart");
        getElement().setAttribute("role", "img");
    }

    public EChart(String height) {
        this();
        setHeight(height);
    }

    /** Sets (replaces) the chart's ECharts option. */
    public void setOption(JsonNode option) {
        this.optionJson = JSON.writeValueAsString(option);
        render();
    }

    /** Sets (replaces) the chart's option. */
    public void setOption(ChartOptions option) {
        setOption((Object) option.toMap());
    }

    /** Sets the option from a plain structure of maps, lists, strings and numbers. */
    public void setOption(Object option) {
        this.optionJson = JSON.writeValueAsString(option);
        render();
    }

    public String optionJson() {
        return optionJson;
    }

    /** A short text for assistive technology (charts are images to a screen reader). */
    public void setAccessibleLabel(String label) {
        getElement().setAttribute("aria-label", label);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript("context://" + BRIDGE);
        render();
    }

    private void render() {
        getElement().removeAttribute("data-chart-ready");
        getUI().ifPresent(ui -> getElement().executeJs(
                "const el = this, json = $0;"
                        + "const go = (n) => window.fgCharts ? window.fgCharts.render(el, json)"
                        + "  : (n > 0 ? setTimeout(() => go(n - 1), 25) : console.error('fg-charts.js did not load'));"
                        + "go(400);",
                optionJson));
    }
}

package org.factorguard.jobs.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factorguard.jobs.service.LossPoint;
import org.factorguard.shared.ui.EChart;

/** The live training-loss curve of a run. */
public final class LossCurveChart extends EChart {

    private final String xAxisName;

    public LossCurveChart(String height, String xAxisName) {
        super(height);
        this.xAxisName = xAxisName;
    }

    public void show(List<LossPoint> history) {
        setOption(option(history, xAxisName));
    }

    static Map<String, Object> option(List<LossPoint> history, String xAxisName) {
        List<List<Object>> points = history.stream().map(p -> List.<Object>of(p.epoch(), p.loss())).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 72, "right", 24, "top", 32, "bottom", 44));
        option.put("tooltip", Map.of("trigger", "axis", "valueFormatter", "fg:number4"));
        option.put("xAxis", Map.of("type", "value", "name", xAxisName, "nameLocation", "middle", "nameGap", 28,
                "minInterval", 1));
        option.put("yAxis", Map.of("type", "value", "name", "training loss", "scale", true));
        option.put("series", List.of(Map.of("type", "line", "name", "training loss", "showSymbol", points.size() < 60,
                "data", points)));
        return option;
    }
}

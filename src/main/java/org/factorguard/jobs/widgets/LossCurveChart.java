package org.factorguard.jobs.widgets;

import java.util.List;
import org.factorguard.jobs.service.LossPoint;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Series;

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

    static ChartOptions option(List<LossPoint> history, String xAxisName) {
        List<List<Object>> points = history.stream().map(p -> List.<Object>of(p.epoch(), p.loss())).toList();
        return ChartOptions.chart().grid(72, 24, 32, 44).axisTooltip(ChartFormat.NUMBER4)
                .xAxis(Axis.values().name(xAxisName).nameInMiddle(28).wholeSteps())
                .yAxis(Axis.values().name("training loss").fitToData())
                .series(Series.line("training loss", points).symbols(points.size() < 60));
    }
}

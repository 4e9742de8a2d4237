package org.factorguard.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.MainLayout;

/** The signed-in user's start page. */
@Route("")
@PageTitle("Home · FactorGuard")
@Menu(order = 0, title = "Home", icon = MainLayout.Icons.HOME)
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser currentUser, MarketOverviewService overview) {
        addClassName("fg-page");
        String name = currentUser.find().map(CurrentUser.UserRef::displayName).orElse("");
        H2 title = new H2("Welcome, " + name);
        title.setId("home-title");
        Paragraph intro = new Paragraph("FactorGuard compares a linear multi-factor model with an LSTM under risk "
                + "constraints (maximum drawdown, volatility and 95 % VaR), per market regime.");
        intro.addClassName("fg-muted");

        MarketOverviewService.IndexSeries series = overview.marketIndex();
        Div card = new Div();
        card.addClassName("fg-card");
        card.setWidthFull();
        H3 chartTitle = new H3(series.title());
        Paragraph note = new Paragraph(series.note());
        note.addClassName("fg-muted");
        EChart chart = new EChart("360px");
        chart.setId("home-market-chart");
        chart.setAccessibleLabel(series.title());
        chart.setOption(lineOption(series));
        card.add(chartTitle, note, chart);
        add(title, intro, card);
    }

    static Map<String, Object> lineOption(MarketOverviewService.IndexSeries series) {
        List<List<Object>> points = new ArrayList<>(series.dates().size());
        for (int i = 0; i < series.dates().size(); i++) {
            points.add(List.of(series.dates().get(i).toString(), Math.round(series.values()[i] * 100.0) / 100.0));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 56, "right", 24, "top", 24, "bottom", 56));
        option.put("tooltip", Map.of("trigger", "axis", "valueFormatter", "fg:number2"));
        option.put("xAxis", Map.of("type", "time"));
        option.put("yAxis", Map.of("type", "value", "scale", true, "name", "Index level", "nameLocation", "middle",
                "nameGap", 42));
        option.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider", "height", 18, "bottom", 8)));
        option.put("series", List.of(Map.of("type", "line", "name", series.name(), "showSymbol", false,
                "lineStyle", Map.of("width", 1.5), "data", points)));
        return option;
    }
}

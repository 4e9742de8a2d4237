package org.factorguard.jobs.widgets;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factorguard.jobs.service.JobSummary;
import tools.jackson.databind.JsonNode;

/**
 * Buttons on a runs grid (Cancel, Run again, …) drawn in the browser; a click carries the action and the run's id
 * to one listener on the grid. A live runs grid re-renders a row many times a second as progress arrives, and a
 * server-side button replaced by such an update can swallow the click that asked a run to stop: these buttons
 * stay where they are, and the click does not depend on which copy of a row was on screen.
 */
public final class RunActionColumn {

    private static final String TARGET = "event.target.dataset.runAction";
    private static final Pattern ACTION = Pattern.compile("([a-z]{1,20}):(\\d{1,18})");

    /**
     * One button.
     *
     * @param name    the action's name (lower-case letters), part of the button's id {@code <prefix><name>-<run id>}
     * @param label   the button's text
     * @param theme   Lumo button themes, e.g. {@code "small error tertiary"}
     * @param shown   on which runs the button shows (elsewhere it is hidden)
     * @param onClick what a click does, with the run's id
     */
    public record Action(String name, String label, String theme, Predicate<JobSummary> shown, LongConsumer onClick) {

        public Action {
            if (!name.matches("[a-z]{1,20}")) {
                throw new IllegalArgumentException("an action's name is 1 to 20 lower-case letters: " + name);
            }
        }
    }

    private RunActionColumn() {
    }

    /**
     * Adds the column of {@code actions} to {@code grid} and the grid's click listener; a click is acted on only for
     * a run {@code onPage} accepts (the services check ownership again).
     *
     * @return the listener's registration, to remove when the grid's columns are built again
     */
    public static DomListenerRegistration add(Grid<JobSummary> grid, String idPrefix, String width,
                                              List<Action> actions, LongPredicate onPage) {
        StringBuilder template = new StringBuilder();
        for (Action a : actions) {
            template.append("<vaadin-button id=\"").append(idPrefix).append(a.name()).append("-${item.run}\" ")
                    .append("data-run-action=\"").append(a.name()).append(":${item.run}\" theme=\"")
                    .append(a.theme()).append("\" ?hidden=\"${!item.").append(a.name()).append("}\">")
                    .append(escape(a.label())).append("</vaadin-button>");
        }
        LitRenderer<JobSummary> renderer = LitRenderer.<JobSummary>of(template.toString())
                .withProperty("run", JobSummary::id);
        for (Action a : actions) {
            renderer = renderer.withProperty(a.name(), r -> a.shown().test(r));
        }
        grid.addColumn(renderer).setHeader("").setWidth(width).setFlexGrow(0);
        return grid.getElement().addEventListener("click", click -> {
            JsonNode target = click.getEventData().get(TARGET);
            Matcher m = ACTION.matcher(target == null || target.isNull() ? "" : target.asString());
            if (!m.matches()) {
                return;
            }
            long run = Long.parseLong(m.group(2));
            if (!onPage.test(run)) {
                return;
            }
            actions.stream().filter(a -> a.name().equals(m.group(1))).findFirst()
                    .ifPresent(a -> a.onClick().accept(run));
        }).addEventData(TARGET).setFilter("!!" + TARGET);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.factorguard.studies.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.ProblemList;
import org.factorguard.studies.service.SettingSweepService;
import org.factorguard.studies.service.SweepChoice;
import org.factorguard.studies.service.SweepSummary;
import org.factorguard.studies.service.SweptSetting;

/**
 * Starts a setting sweep of one portfolio: pick the setting, tick two or more of its values (the portfolio's own
 * is ticked to start with), and every study is checked before any is queued. Problems are listed in the dialog and
 * nothing is queued; on success the sweep's page opens.
 */
class SweepDialog extends Dialog {

    private final SettingSweepService sweeps;
    private final long portfolioId;
    private final Map<SweptSetting, SweepChoice> choices;
    private final RadioButtonGroup<SweptSetting> setting = new RadioButtonGroup<>("Setting");
    private final CheckboxGroup<String> values = new CheckboxGroup<>("Values");
    private final Div problems = new Div();

    SweepDialog(SettingSweepService sweeps, long portfolioId) {
        this.sweeps = sweeps;
        this.portfolioId = portfolioId;
        this.choices = sweeps.choices(portfolioId).stream()
                .collect(Collectors.toMap(SweepChoice::setting, Function.identity()));
        setId("sweep-dialog");
        setHeaderTitle("Sweep a setting");
        setWidth("640px");
        Paragraph about = new Paragraph("One study per value, queued together; everything else stays as the "
                + "portfolio is set. Choose 2 to " + sweeps.maxValues() + " values. Each study counts the others "
                + "in its deflated Sharpe ratio's N.");
        about.addClassName("fg-muted");

        setting.setId("sweep-setting");
        setting.setItems(SweptSetting.values());
        setting.setItemLabelGenerator(SweptSetting::label);
        values.setId("sweep-values");
        values.setWidthFull();
        setting.addValueChangeListener(change -> showValues(change.getValue()));
        problems.setId("sweep-problems");
        problems.addClassName("fg-problems");
        problems.setVisible(false);
        add(about, setting, values, problems);

        Button start = new Button("Start sweep", click -> start());
        start.setId("sweep-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Cancel", click -> close());
        close.setId("sweep-close");
        getFooter().add(close, start);
        setting.setValue(SweptSetting.REBALANCE);
    }

    private void showValues(SweptSetting chosen) {
        values.clear();
        if (chosen == null) {
            values.setItems(List.of());
            return;
        }
        SweepChoice choice = choices.get(chosen);
        values.setItems(choice.values());
        values.setItemLabelGenerator(v -> chosen.valueLabel(v) + (v.equals(choice.current()) ? " (current)" : ""));
        values.select(choice.current());
        values.setHelperText(chosen.switchesOffLstmSearch()
                ? "The per-fold LSTM search is switched off in these studies: the sweep varies what it would choose."
                : null);
    }

    private void start() {
        problems.setVisible(false);
        SweptSetting chosen = setting.getValue();
        List<String> picked = new ArrayList<>();
        if (chosen != null) {
            // in the offered order, not the order of ticking
            choices.get(chosen).values().stream().filter(values.getSelectedItems()::contains).forEach(picked::add);
        }
        try {
            SweepSummary sweep = sweeps.start(portfolioId, chosen, picked);
            UI ui = UI.getCurrent();
            close();
            Notification.show("Sweep queued: " + sweep.valueLabels().size() + " studies")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            ui.navigate("sweeps/" + sweep.id());
        } catch (ValidationProblemException e) {
            ProblemList.show(problems, "The sweep cannot start; nothing was queued:",
                    e.problems().stream().map(FieldProblem::message).toList());
        } catch (NotFoundException e) {
            Notification.show("This portfolio no longer exists").addThemeVariants(NotificationVariant.LUMO_ERROR);
            close();
        }
    }
}

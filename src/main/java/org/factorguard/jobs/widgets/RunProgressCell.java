package org.factorguard.jobs.widgets;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Instant;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.service.RunEta;
import org.factorguard.shared.ui.Formats;

/**
 * A run's progress bar with its percentage and stage below it (or the failure reason) and, while it runs, the
 * estimated time left ({@link RunEta}). Ids are {@code <prefix>progress-<id>}, {@code <prefix>stage-<id>} and
 * {@code <prefix>eta-<id>}, for tests and assistive technology.
 */
public final class RunProgressCell extends VerticalLayout {

    public RunProgressCell(JobSummary run, String idPrefix, Instant now) {
        setPadding(false);
        setSpacing(false);
        ProgressBar bar = new ProgressBar(0, 1, run.progress());
        bar.setId(idPrefix + "progress-" + run.id());
        bar.setIndeterminate(run.state() == JobState.QUEUED);
        bar.getElement().setAttribute("aria-label", "Progress of " + run.title());
        boolean failed = run.state() == JobState.FAILED;
        String text = failed ? "Failed: " + run.errorMessage()
                : Formats.percent(run.progress(), 0) + (run.stage() == null ? "" : " · " + run.stage());
        Span line = new Span(text);
        line.addClassName(failed ? "fg-negative" : "fg-muted");
        line.setId(idPrefix + "stage-" + run.id());
        add(bar, line);
        RunEta.label(run, now).ifPresent(eta -> {
            Span left = new Span(eta);
            left.addClassName("fg-muted");
            left.setId(idPrefix + "eta-" + run.id());
            add(left);
        });
    }
}

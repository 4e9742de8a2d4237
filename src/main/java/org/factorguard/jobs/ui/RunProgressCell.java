package org.factorguard.jobs.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.util.Locale;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;

/**
 * A run's progress bar with its percentage and stage below it (or the failure reason). Ids are
 * {@code <prefix>progress-<id>} and {@code <prefix>stage-<id>}, for tests and assistive technology.
 */
public final class RunProgressCell extends VerticalLayout {

    public RunProgressCell(JobSummary run, String idPrefix) {
        setPadding(false);
        setSpacing(false);
        ProgressBar bar = new ProgressBar(0, 1, run.progress());
        bar.setId(idPrefix + "progress-" + run.id());
        bar.setIndeterminate(run.state() == JobState.QUEUED);
        bar.getElement().setAttribute("aria-label", "Progress of " + run.title());
        boolean failed = run.state() == JobState.FAILED;
        String text = failed ? "Failed: " + run.errorMessage()
                : String.format(Locale.ROOT, "%.0f %%", run.progress() * 100) + (run.stage() == null ? "" : " · " + run.stage());
        Span line = new Span(text);
        line.addClassName(failed ? "fg-negative" : "fg-muted");
        line.setId(idPrefix + "stage-" + run.id());
        add(bar, line);
    }

    /** A run's duration for a grid cell: "", "<1 s", "42 s", "3 min 5 s", "1 h 2 min". */
    public static String durationText(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.isZero() ? "" : "<1 s";
        }
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}

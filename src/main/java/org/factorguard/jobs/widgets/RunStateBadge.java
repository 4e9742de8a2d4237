package org.factorguard.jobs.widgets;

import com.vaadin.flow.component.html.Span;
import org.factorguard.jobs.service.JobSummary;

/** The coloured state label of a run (queued, running, cancelling, succeeded, failed, cancelled), or "Never run". */
public final class RunStateBadge extends Span {

    /** A badge with the id {@code <idPrefix>state-<run id>}. */
    public RunStateBadge(JobSummary run, String idPrefix) {
        this(run);
        setId(idPrefix + "state-" + run.id());
    }

    public RunStateBadge(JobSummary run) {
        addClassName("fg-badge");
        if (run == null) {
            setText("Never run");
            return;
        }
        setText(run.cancelRequested() && run.state().isActive() ? "Cancelling" : run.state().label());
        switch (run.state()) {
            case SUCCEEDED -> addClassName("success");
            case FAILED -> addClassName("error");
            case RUNNING -> addClassName("primary");
            case CANCELLED -> addClassName("contrast");
            default -> { }
        }
    }
}

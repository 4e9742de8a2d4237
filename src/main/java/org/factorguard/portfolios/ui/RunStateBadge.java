package org.factorguard.portfolios.ui;

import com.vaadin.flow.component.html.Span;
import org.factorguard.jobs.service.JobSummary;

/** The coloured state label of a study run (queued, running, succeeded, failed, cancelled), or "Never run". */
public final class RunStateBadge extends Span {

    /** The job kind of a portfolio study, as the reports feature registers it. */
    public static final String STUDY_KIND = "STUDY";

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

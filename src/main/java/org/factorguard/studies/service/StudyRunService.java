package org.factorguard.studies.service;

import java.util.List;
import java.util.function.Consumer;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.jobs.service.JobEvents;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.RunPlan;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.reports.service.EarlierStudies;
import org.factorguard.reports.service.ReportArchive;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Study runs of the signed-in user's portfolios: start one (the settings are checked and frozen first),
 * list and follow them, cancel. Ownership is checked by {@link PortfolioService} and {@link JobService}.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class StudyRunService {

    private final PortfolioService portfolios;
    private final JobService jobs;
    private final JobEvents events;
    private final ReportArchive reports;
    private final CurrentUser currentUser;

    public StudyRunService(PortfolioService portfolios, JobService jobs, JobEvents events, ReportArchive reports,
                           CurrentUser currentUser) {
        this.portfolios = portfolios;
        this.jobs = jobs;
        this.events = events;
        this.reports = reports;
        this.currentUser = currentUser;
    }

    /** The name of one of the user's portfolios (NotFoundException for anyone else's). */
    public String portfolioName(long portfolioId) {
        return portfolios.find(portfolioId).name();
    }

    /**
     * Queues a study of one of the user's portfolios.
     *
     * @throws org.factorguard.shared.ValidationProblemException when the settings cannot run on the data
     *                                                            (nothing is queued) or too many runs are active
     */
    public JobSummary start(long portfolioId) {
        RunPlan plan = portfolios.planRun(portfolioId);
        StudyConfig config = withEarlierStudies(plan.config(),
                reports.earlierStudies(plan.portfolioId(), plan.datasetHash()));
        StudyRunSnapshot snapshot = new StudyRunSnapshot(plan.portfolioId(), plan.portfolioName(), plan.datasetId(),
                plan.datasetName(), plan.datasetHash(), config);
        String title = "Study of " + plan.portfolioName();
        return jobs.submit(StudyJobHandler.KIND, plan.portfolioId(), title, snapshot.toJson());
    }

    /**
     * The config with the earlier studies of the same portfolio on the same dataset version counted as
     * configurations tried (the deflated Sharpe's N) and their LSTM portfolios' Sharpe ratios, where stored, as
     * known trials.
     */
    static StudyConfig withEarlierStudies(StudyConfig config, EarlierStudies earlier) {
        return config.toBuilder()
                .significance(config.significance().withEarlierStudies(earlier.count(), earlier.lstmSharpes()))
                .build();
    }

    /** The study runs of one of the user's portfolios, newest first. */
    public List<JobSummary> runsOf(long portfolioId) {
        portfolios.find(portfolioId);
        return jobs.listMine().stream()
                .filter(r -> StudyJobHandler.KIND.equals(r.kind()) && Long.valueOf(portfolioId).equals(r.subjectId()))
                .toList();
    }

    /**
     * Starts a new study of the portfolio of one of the user's failed or cancelled runs, through {@link #start}
     * (the same refusals apply). Another user's run is not found, even for an administrator: the new run
     * would be the re-runner's own.
     *
     * @throws ValidationProblemException when the run has not failed or been cancelled, or the study cannot start
     */
    public JobSummary runAgain(long jobId) {
        JobSummary run = jobs.find(jobId);
        if (!StudyJobHandler.KIND.equals(run.kind()) || run.ownerId() != currentUser.require().id()
                || run.subjectId() == null) {
            throw new NotFoundException("Run");
        }
        if (!canRunAgain(run)) {
            throw new ValidationProblemException("run", "Only a failed or cancelled run can be run again");
        }
        return start(run.subjectId());
    }

    /** Whether a run is one that "Run again" applies to: it failed (interrupted runs end failed) or was cancelled. */
    public static boolean canRunAgain(JobSummary run) {
        return run.state() == JobState.FAILED || run.state() == JobState.CANCELLED;
    }

    /** Cancels one of the user's study runs. */
    public JobSummary cancel(long jobId) {
        JobSummary run = jobs.find(jobId);
        if (!StudyJobHandler.KIND.equals(run.kind())) {
            throw new NotFoundException("Run");
        }
        return jobs.cancel(jobId);
    }

    /**
     * Follows changes of runs on this node (listeners run on the writing thread: hand off with
     * {@code UI.access}); the returned handle unsubscribes. Callers filter by owner and portfolio.
     */
    public Runnable subscribe(Consumer<JobSummary> listener) {
        return events.subscribe(listener);
    }
}

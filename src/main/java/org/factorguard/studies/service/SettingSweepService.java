package org.factorguard.studies.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.jobs.service.JobEvents;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.service.JobsProperties;
import org.factorguard.portfolios.service.PortfolioDetail;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.RunPlan;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.EarlierStudies;
import org.factorguard.reports.service.ReportArchive;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.service.ReportService;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.studies.domain.SettingSweep;
import org.factorguard.studies.domain.SettingSweepRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Setting sweeps of the signed-in user's portfolios (issue 16, item 6): one study per value of one setting, checked
 * together and queued together as one batch, then compared. Every study of a sweep counts the others in its
 * deflated Sharpe ratio's N, besides the earlier studies of the portfolio: choosing the best value after looking is
 * one more selection, and the deflated Sharpe ratio is what says whether the winner survives it. Sweeps are private:
 * anyone else's sweep is "not found".
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SettingSweepService {

    /** At most this many values in one sweep (and never more than the runs a user may have queued at once). */
    public static final int MAX_VALUES = 4;

    private static final Logger log = LoggerFactory.getLogger(SettingSweepService.class);

    private final PortfolioService portfolios;
    private final JobService jobs;
    private final JobEvents events;
    private final ReportArchive archive;
    private final ReportService reports;
    private final SettingSweepRepository sweeps;
    private final CurrentUser currentUser;
    private final JobsProperties jobsProperties;
    private final Clock clock;

    public SettingSweepService(PortfolioService portfolios, JobService jobs, JobEvents events, ReportArchive archive,
                               ReportService reports, SettingSweepRepository sweeps, CurrentUser currentUser,
                               JobsProperties jobsProperties, Clock clock) {
        this.portfolios = portfolios;
        this.jobs = jobs;
        this.events = events;
        this.archive = archive;
        this.reports = reports;
        this.sweeps = sweeps;
        this.currentUser = currentUser;
        this.jobsProperties = jobsProperties;
        this.clock = clock;
    }

    /** The most values one sweep may have: {@link #MAX_VALUES}, or fewer when fewer runs may be queued at once. */
    public int maxValues() {
        return Math.min(MAX_VALUES, jobsProperties.maxActivePerUser());
    }

    /** What can be swept on one of the user's portfolios: each setting, its current value and the values offered. */
    public List<SweepChoice> choices(long portfolioId) {
        PortfolioDetail p = portfolios.find(portfolioId);
        List<SweepChoice> choices = new ArrayList<>();
        for (SweptSetting s : SweptSetting.values()) {
            choices.add(new SweepChoice(s, s.valueOf(p.settings()), s.offeredValues(p.settings())));
        }
        return choices;
    }

    /**
     * Checks a study of the portfolio for every value, then queues them all as one batch. Nothing is queued when
     * anything is wrong: no setting, fewer than two values or more than {@link #maxValues()}, a value the setting
     * does not offer, a value the data cannot run (each named), or not enough free places for the runs.
     *
     * @throws ValidationProblemException with every problem found (nothing is queued)
     */
    public SweepSummary start(long portfolioId, SweptSetting setting, List<String> values) {
        PortfolioDetail portfolio = portfolios.find(portfolioId);
        List<String> chosen = values == null ? List.of() : values.stream().distinct().toList();
        if (setting == null) {
            throw new ValidationProblemException("setting", "Choose the setting to sweep");
        }
        List<String> offered = setting.offeredValues(portfolio.settings());
        List<FieldProblem> problems = new ArrayList<>();
        if (chosen.size() < 2 || chosen.size() > maxValues()) {
            problems.add(new FieldProblem("values", "Choose 2 to " + maxValues() + " values of "
                    + setting.label().toLowerCase(java.util.Locale.ROOT) + " (" + chosen.size() + " chosen)"));
        }
        chosen.stream().filter(v -> !offered.contains(v)).forEach(v -> problems.add(new FieldProblem("values",
                "'" + v + "' is not a value of " + setting.label() + "; choose among " + String.join(", ", offered))));
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        List<RunPlan> plans = new ArrayList<>();
        for (String value : chosen) {
            try {
                plans.add(portfolios.planRun(portfolioId, s -> setting.apply(s, value)));
            } catch (ValidationProblemException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem(p.field(),
                        setting.describe(value) + ": " + p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        EarlierStudies earlier = archive.earlierStudies(portfolioId, plans.getFirst().datasetHash());
        List<JobService.Submission> batch = new ArrayList<>();
        for (int k = 0; k < plans.size(); k++) {
            RunPlan plan = plans.get(k);
            StudyConfig config = StudyRunService.withEarlierStudies(plan.config(), earlier);
            config = config.toBuilder()
                    .significance(config.significance().withSweepStudies(plans.size() - 1))
                    .build();
            String variant = setting.describe(chosen.get(k));
            StudyRunSnapshot snapshot = StudyRunSnapshot.of(plan, config, variant);
            batch.add(new JobService.Submission(plan.portfolioId(), "Study of " + plan.portfolioName() + " · "
                    + variant, snapshot.toJson()));
        }
        List<JobSummary> queued = jobs.submitAll(StudyJobHandler.KIND, batch);
        List<SettingSweep.Member> members = new ArrayList<>();
        for (int k = 0; k < queued.size(); k++) {
            members.add(new SettingSweep.Member(chosen.get(k), queued.get(k).id()));
        }
        try {
            SettingSweep sweep = sweeps.save(new SettingSweep(currentUser.require().id(), portfolioId, setting.name(),
                    clock.instant(), members));
            log.info("Setting sweep {} of portfolio {}: {} = {}", sweep.getId(), portfolioId, setting, chosen);
            return summary(sweep, portfolio.name());
        } catch (RuntimeException e) {
            queued.forEach(run -> jobs.cancel(run.id()));
            throw e;
        }
    }

    /** The sweeps of one of the user's portfolios, newest first. */
    public List<SweepSummary> sweepsOf(long portfolioId) {
        PortfolioDetail portfolio = portfolios.find(portfolioId);
        return sweeps.findByOwnerIdAndPortfolioIdOrderByCreatedAtDescIdDesc(currentUser.require().id(), portfolioId)
                .stream().map(s -> summary(s, portfolio.name())).toList();
    }

    /** One of the user's sweeps with the current state of its runs (cheap: no results are read). */
    public SweepDetail find(long sweepId) {
        SettingSweep sweep = own(sweepId);
        SweptSetting setting = SweptSetting.valueOf(sweep.getSetting());
        String portfolioName;
        try {
            portfolioName = portfolios.find(sweep.getPortfolioId()).name();
        } catch (NotFoundException deleted) {
            portfolioName = null;
        }
        List<SweepDetail.Member> members = new ArrayList<>();
        for (SettingSweep.Member m : sweep.getMembers()) {
            members.add(new SweepDetail.Member(m.getValue(), setting.valueLabel(m.getValue()),
                    jobs.find(m.getJobId())));
        }
        return new SweepDetail(sweep.getId(), sweep.getPortfolioId(), portfolioName, setting, sweep.getCreatedAt(),
                members);
    }

    /**
     * The results of the sweep's studies that have succeeded, in the sweep's order: each value's Table 1 rows
     * for the LSTM and linear portfolios and its deflated Sharpe ratio (reads every finished report).
     */
    public List<SweepOutcome> outcomes(long sweepId) {
        SweepDetail sweep = find(sweepId);
        List<SweepOutcome> outcomes = new ArrayList<>();
        for (SweepDetail.Member m : sweep.members()) {
            if (m.run().state() != JobState.SUCCEEDED || m.run().resultRef() == null) {
                continue;
            }
            long reportId = Long.parseLong(m.run().resultRef());
            ReportDetail report = reports.find(reportId);
            StudyResult r = report.result();
            DeflatedSharpeRatio.Result dsr = r.significance() == null ? null : r.significance().deflatedSharpe();
            outcomes.add(new SweepOutcome(m.value(), m.label(), reportId, report.title(),
                    r.portfolio(StudyResult.LSTM).summary(), r.portfolio(StudyResult.LINEAR).summary(),
                    dsr == null ? Double.NaN : dsr.probability(), dsr == null ? 0 : dsr.trials()));
        }
        return outcomes;
    }

    /** The runs of a sweep that are still queued or running are asked to stop. */
    public SweepDetail cancel(long sweepId) {
        SweepDetail sweep = find(sweepId);
        Set<Long> ids = new HashSet<>();
        sweep.members().stream().map(SweepDetail.Member::run).filter(JobService::active)
                .forEach(run -> ids.add(jobs.cancel(run.id()).id()));
        log.info("Setting sweep {}: {} runs asked to stop", sweepId, ids.size());
        return find(sweepId);
    }

    /**
     * Follows changes of runs on this node (listeners run on the writing thread: hand off with
     * {@code UI.access}); the returned handle unsubscribes. Callers filter by the sweep's runs.
     */
    public Runnable subscribe(Consumer<JobSummary> listener) {
        return events.subscribe(listener);
    }

    private SettingSweep own(long sweepId) {
        return sweeps.findByIdAndOwnerId(sweepId, currentUser.require().id())
                .orElseThrow(() -> new NotFoundException("Setting sweep"));
    }

    private static SweepSummary summary(SettingSweep s, String portfolioName) {
        SweptSetting setting = SweptSetting.valueOf(s.getSetting());
        return new SweepSummary(s.getId(), s.getPortfolioId(), portfolioName, setting,
                s.getMembers().stream().map(m -> setting.valueLabel(m.getValue())).toList(), s.getCreatedAt());
    }
}

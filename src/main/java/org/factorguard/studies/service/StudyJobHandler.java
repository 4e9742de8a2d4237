package org.factorguard.studies.service;

import java.util.Locale;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.jobs.service.JobContext;
import org.factorguard.jobs.service.JobFailedException;
import org.factorguard.jobs.service.JobHandler;
import org.factorguard.jobs.service.JobKinds;
import org.factorguard.jobs.service.JobProgress;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.study.Study;
import org.factorguard.quant.study.StudyCancelledException;
import org.factorguard.quant.study.StudyConfigException;
import org.factorguard.quant.study.StudyProgress;
import org.factorguard.quant.study.StudyProgressListener;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.ReportArchive;
import org.factorguard.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a study in the background (kind {@value #KIND}): reads the snapshot queued by
 * {@link StudyRunService}, loads exactly that dataset version, runs the {@link Study} with progress and
 * cancellation, and stores the result as a report (reports feature).
 */
@Component
public class StudyJobHandler implements JobHandler {

    public static final String KIND = JobKinds.STUDY;
    private static final Logger log = LoggerFactory.getLogger(StudyJobHandler.class);

    private final DatasetCatalog datasets;
    private final ReportArchive archive;
    private final Study study;

    public StudyJobHandler(DatasetCatalog datasets, ReportArchive archive) {
        this.datasets = datasets;
        this.archive = archive;
        this.study = Study.standard();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) {
        StudyRunSnapshot snapshot;
        try {
            snapshot = StudyRunSnapshot.fromJson(context.settingsJson());
        } catch (StudyConfigException e) {
            throw new JobFailedException("The settings cannot run: " + String.join("; ", e.problems()), e);
        }
        JobProgress progress = context.progress();
        progress.stage("Loading " + snapshot.datasetName(), 0);
        MarketData data;
        try {
            data = datasets.load(snapshot.datasetId());
        } catch (NotFoundException e) {
            throw new JobFailedException("The dataset " + snapshot.datasetName() + " no longer exists", e);
        }
        if (!snapshot.datasetHash().equals(data.contentHash())) {
            throw new JobFailedException("The dataset " + snapshot.datasetName() + " changed since the run was queued "
                    + "(content hash " + shortHash(data.contentHash()) + " instead of "
                            + shortHash(snapshot.datasetHash())
                    + "); start the study again");
        }
        StudyResult result;
        try {
            result = study.run(data, snapshot.config(), new ProgressBridge(progress), context.cancellation());
        } catch (StudyCancelledException | TrainingCancelledException cancelled) {
            log.info("Study run {} cancelled: {}", context.jobId(), cancelled.getMessage());
            return; // no result + cancellation requested → CANCELLED
        } catch (StudyConfigException invalid) {
            throw new JobFailedException("The settings cannot run: " + String.join("; ", invalid.problems()), invalid);
        }
        progress.stage("Storing the report", 1);
        String title = snapshot.reportTitle(result.selection().firstDate(), result.selection().lastDate());
        long reportId = archive.store(snapshot.reportSource(context.ownerId(), context.jobId()), title, result);
        context.recordResult(String.valueOf(reportId));
    }

    @Override
    public String resultLocation(String resultReference) {
        return resultReference == null || resultReference.isBlank() ? null : "reports/" + resultReference;
    }

    /** A study's portfolio: its runs page, where the owner can start it again. */
    @Override
    public String subjectLocation(Long portfolioId) {
        return "portfolios/" + portfolioId + "/runs";
    }

    private static String shortHash(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }

    /**
     * Maps study progress to job progress: a stage line per study stage (and fold), the overall fraction,
     * and one loss point per finished epoch, numbered consecutively over folds and ensemble members.
     */
    static final class ProgressBridge implements StudyProgressListener {

        private final JobProgress progress;
        private String lastStage;
        private int epochsDone;

        ProgressBridge(JobProgress progress) {
            this.progress = progress;
        }

        @Override
        public void onProgress(StudyProgress p) {
            double fraction = p.overallPercent() / 100.0;
            String stage = capitalised(p.stage().displayName());
            if (p.model() != null && p.folds() > 0 && p.fold() >= 0) {
                stage += " · fold " + (p.fold() + 1) + " of " + p.folds();
            }
            if (!stage.equals(lastStage)) {
                lastStage = stage;
                progress.stage(stage, fraction);
            } else {
                progress.fraction(fraction);
            }
            boolean epochEnd = p.epoch() > 0 && p.message() != null
                    && p.message().endsWith("epoch " + p.epoch() + " done");
            if (epochEnd && Double.isFinite(p.trainLoss())) {
                epochsDone++;
                progress.epoch(epochsDone, p.trainLoss());
            }
        }

        private static String capitalised(String text) {
            return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        }
    }
}

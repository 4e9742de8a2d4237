package org.factorguard.reports.service;

import java.time.Clock;
import java.util.List;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;
import org.factorguard.reports.domain.Report;
import org.factorguard.reports.domain.ReportRepository;
import org.factorguard.reports.domain.ReportResultStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores finished studies as reports. Called from the study job (studies feature) on a worker thread,
 * where no user is signed in: the owner comes from the job. Not for views (they use {@link ReportService}).
 */
@Component
public class ReportArchive {

    private final ReportRepository reports;
    private final ReportResultStore results;
    private final Clock clock;

    ReportArchive(ReportRepository reports, ReportResultStore results, Clock clock) {
        this.reports = reports;
        this.results = results;
        this.clock = clock;
    }

    /** Stores the result of one run (at most one report per run) and returns the report's id. */
    @Transactional
    public long store(ReportSource source, String title, StudyResult result) {
        var existing = reports.findByJobId(source.jobId());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        String json = StudyResultJson.write(result);
        PerformanceSummary lstm = summary(result, StudyResult.LSTM);
        PerformanceSummary linear = summary(result, StudyResult.LINEAR);
        Report report = reports.save(new Report(source.ownerId(), source.portfolioId(), source.jobId(), title,
                source.portfolioName(), source.datasetId(), source.datasetName(), source.datasetHash(),
                result.syntheticData(), result.seed(), clock.instant(), json.length(),
                finite(lstm == null ? Double.NaN : lstm.sharpe()),
                finite(linear == null ? Double.NaN : linear.sharpe()),
                finite(lstm == null ? Double.NaN : lstm.annualReturn()),
                finite(lstm == null ? Double.NaN : lstm.maxDrawdown())));
        reports.flush();
        results.write(report.getId(), json);
        return report.getId();
    }

    /** The studies already stored for a portfolio on a dataset version (the caller has checked the owner). */
    @Transactional(readOnly = true)
    public EarlierStudies earlierStudies(long portfolioId, String datasetHash) {
        List<Report> earlier = reports.findByPortfolioIdAndDatasetHashOrderByCreatedAtAscIdAsc(portfolioId,
                datasetHash);
        List<Double> sharpes = earlier.stream().map(Report::getLstmSharpe)
                .filter(v -> v != null && Double.isFinite(v)).toList();
        return new EarlierStudies(earlier.size(), sharpes);
    }

    private static PerformanceSummary summary(StudyResult result, String name) {
        return result.portfolios().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(StudyResult.Portfolio::summary).orElse(null);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

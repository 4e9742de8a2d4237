package org.factorguard.reports.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportRepository extends JpaRepository<Report, Long> {

    List<Report> findByOwnerIdOrderByCreatedAtDescIdDesc(long ownerId);

    Optional<Report> findByIdAndOwnerId(long id, long ownerId);

    Optional<Report> findByJobId(long jobId);

    /** The studies of one portfolio on one dataset version (content hash), oldest first. */
    List<Report> findByPortfolioIdAndDatasetHashOrderByCreatedAtAscIdAsc(long portfolioId, String datasetHash);
}

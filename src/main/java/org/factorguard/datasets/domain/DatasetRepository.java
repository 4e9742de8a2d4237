package org.factorguard.datasets.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DatasetRepository extends JpaRepository<Dataset, Long> {

    List<Dataset> findByStatusOrderBySeriesKeyAscVersionNumberDesc(DatasetStatus status);

    List<Dataset> findAllByOrderBySeriesKeyAscVersionNumberDesc();

    Optional<Dataset> findByContentHash(String contentHash);

    Optional<Dataset> findFirstByKindAndSeriesKeyOrderByVersionNumberDesc(DatasetKind kind, String seriesKey);

    @Query("select coalesce(max(d.versionNumber), 0) from Dataset d where d.seriesKey = ?1")
    int maxVersionNumber(String seriesKey);
}

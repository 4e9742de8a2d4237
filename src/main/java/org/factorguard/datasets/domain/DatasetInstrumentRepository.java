package org.factorguard.datasets.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetInstrumentRepository extends JpaRepository<DatasetInstrument, Long> {

    List<DatasetInstrument> findByDatasetIdOrderByPositionAsc(long datasetId);
}

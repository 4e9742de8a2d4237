package org.factorguard.portfolios.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortfolioRepository extends JpaRepository<Portfolio, Long> {

    List<Portfolio> findByOwnerIdOrderByNameAsc(long ownerId);

    Optional<Portfolio> findByIdAndOwnerId(long id, long ownerId);

    boolean existsByOwnerIdAndNameIgnoreCase(long ownerId, String name);

    boolean existsByOwnerIdAndNameIgnoreCaseAndIdNot(long ownerId, String name, long id);

    long countByDatasetId(long datasetId);

    boolean existsByOwnerIdAndDatasetId(long ownerId, long datasetId);
}

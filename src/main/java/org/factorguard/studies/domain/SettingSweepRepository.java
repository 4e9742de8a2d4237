package org.factorguard.studies.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SettingSweepRepository extends JpaRepository<SettingSweep, Long> {

    Optional<SettingSweep> findByIdAndOwnerId(long id, long ownerId);

    List<SettingSweep> findByOwnerIdAndPortfolioIdOrderByCreatedAtDescIdDesc(long ownerId, long portfolioId);
}

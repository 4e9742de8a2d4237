package org.factorguard.reports.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShareLinkRepository extends JpaRepository<ShareLink, Long> {

    Optional<ShareLink> findByTokenHash(String tokenHash);

    List<ShareLink> findByReportIdOrderByCreatedAtDescIdDesc(long reportId);
}

package org.factorguard.reports.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShareAccessRepository extends JpaRepository<ShareAccess, Long> {

    List<ShareAccess> findByLinkIdOrderByOpenedAtDescIdDesc(long linkId);

    List<ShareAccess> findByUserIdOrderByOpenedAtDescIdDesc(long userId);
}

package org.factorguard.datasets.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.factorguard.datasets.domain.Dataset;
import org.factorguard.identity.service.UserNames;
import org.springframework.stereotype.Component;

/** Turns dataset rows into {@link DatasetSummary} records, naming who imported them. */
@Component
class DatasetSummaries {

    static final String BUILT_IN_CREATOR = "FactorGuard (built-in)";

    private final UserNames users;

    DatasetSummaries(UserNames users) {
        this.users = users;
    }

    List<DatasetSummary> of(List<Dataset> rows) {
        List<Long> ids = rows.stream().map(Dataset::getCreatedById).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = users.displayNames(ids);
        return rows.stream().map(d -> of(d, names)).toList();
    }

    DatasetSummary of(Dataset d) {
        return of(List.of(d)).get(0);
    }

    private static DatasetSummary of(Dataset d, Map<Long, String> names) {
        String creator = d.getCreatedById() == null ? BUILT_IN_CREATOR
                : names.getOrDefault(d.getCreatedById(), "user #" + d.getCreatedById());
        return new DatasetSummary(d.getId(), d.getName(), d.getVersionNumber(), d.getDescription(), d.getSource(),
                d.getKind(), d.getContentType(), d.getStatus(), creator, d.getCreatedAt(), d.getContentHash(),
                d.getInstrumentCount(), d.getIndustryCount(), d.getDayCount(), d.getRowCount(), d.getFirstDate(),
                d.getLastDate(), d.getMarketIndexMethod(), d.getIndustryIndexMethod(), d.getContentBytes(),
                d.getCleaningSummary(), d.getPriceForm(), d.getReportingLagDays(), d.isFundamentalsPointInTime());
    }
}

package org.factorguard.datasets.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.factorguard.datasets.domain.Dataset;
import org.factorguard.datasets.domain.DatasetContentStore;
import org.factorguard.datasets.domain.DatasetFacts;
import org.factorguard.datasets.domain.DatasetRepository;
import org.factorguard.quant.data.CleaningReport;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a {@link PreparedDataset} in one transaction: the dataset row (next version number of its series),
 * its instruments and its encoded content. Either all of it is written or, on any failure (including a
 * concurrent import of the same data hitting a unique key), nothing.
 */
@Component
public class DatasetWriter {

    /** Reports written before issue 13 lack the newer numbers and flags; they read as 0 and false. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    /** Largest cleaning report kept in full; a bigger one keeps only the instruments with actions. */
    static final int MAX_REPORT_CHARS = 1_000_000;

    private final DatasetRepository datasets;
    private final DatasetContentStore content;
    private final Clock clock;

    public DatasetWriter(DatasetRepository datasets, DatasetContentStore content, Clock clock) {
        this.datasets = datasets;
        this.content = content;
        this.clock = clock;
    }

    /** The key that groups the versions of one dataset: its name, trimmed, lower case, single spaces. */
    static String seriesKey(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Transactional
    public Dataset store(PreparedDataset p) {
        String key = seriesKey(p.name());
        int version = datasets.maxVersionNumber(key) + 1;
        MarketData data = p.data();
        Dataset saved = datasets.saveAndFlush(new Dataset(new DatasetFacts(key, p.name().trim(), version,
                p.description() == null ? "" : p.description().trim(), p.source(), p.kind(), p.contentType(),
                p.createdById(), clock.instant(), data.contentHash(), data.instrumentCount(),
                data.industries().size(), data.dayCount(), rowCount(data), data.dates()[0],
                data.dates()[data.dayCount() - 1], data.marketIndexMethod().name(), data.industryIndexMethod().name(),
                p.encoded().length, p.cleaningSummary(), reportJson(p.report()), Dataset.PRICES_RAW,
                p.reportingLagDays(), p.fundamentalsPointInTime())));
        List<String[]> instruments = data.instruments().stream()
                .map((Instrument i) -> new String[] {i.ticker(), i.name(), i.industry()}).toList();
        content.writeInstruments(saved.getId(), instruments);
        content.write(saved.getId(), p.encoded());
        return saved;
    }

    static long rowCount(MarketData data) {
        long rows = 0;
        for (double[] closes : data.close()) {
            for (double c : closes) {
                if (!Double.isNaN(c)) {
                    rows++;
                }
            }
        }
        return rows;
    }

    static String reportJson(CleaningReport report) {
        if (report == null) {
            return "";
        }
        String json = JSON.writeValueAsString(report);
        if (json.length() <= MAX_REPORT_CHARS) {
            return json;
        }
        List<org.factorguard.quant.data.InstrumentCleaning> acted = report.instruments().stream()
                .filter(c -> c.dropped() || c.outliersWinsorised() > 0 || c.daysInterpolated() > 0
                        || c.badTicks() > 0 || c.gapDays() > 0).toList();
        return JSON.writeValueAsString(report.withInstruments(acted));
    }

    static CleaningReport parseReport(String json) {
        return json == null || json.isBlank() ? null : JSON.readValue(json, CleaningReport.class);
    }
}

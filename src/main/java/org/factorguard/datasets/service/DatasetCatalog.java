package org.factorguard.datasets.service;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factorguard.datasets.domain.Dataset;
import org.factorguard.datasets.domain.DatasetContentStore;
import org.factorguard.datasets.domain.DatasetContentType;
import org.factorguard.datasets.domain.DatasetInstrumentRepository;
import org.factorguard.datasets.domain.DatasetRepository;
import org.factorguard.datasets.domain.DatasetStatus;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.MarketDataCodec;
import org.factorguard.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading datasets. Datasets are shared by all users (not owned), so any signed-in user may list and open
 * the active ones; retired ones are opened only by administrators in the UI, but {@link #find(long)} and
 * {@link #load(long)} serve any status so that existing portfolios and reports keep working. Those two also
 * run on background threads (jobs) and therefore carry no role check; they reveal nothing a user could not
 * list.
 */
@Service
public class DatasetCatalog {

    private final DatasetRepository datasets;
    private final DatasetInstrumentRepository instruments;
    private final DatasetContentStore content;
    private final DatasetSummaries summaries;
    private final CurrentUser currentUser;
    private final MarketDataCache cache;

    public DatasetCatalog(DatasetRepository datasets, DatasetInstrumentRepository instruments,
                          DatasetContentStore content, DatasetSummaries summaries, CurrentUser currentUser,
                          DatasetProperties properties) {
        this.datasets = datasets;
        this.instruments = instruments;
        this.content = content;
        this.summaries = summaries;
        this.currentUser = currentUser;
        this.cache = new MarketDataCache(properties.cacheEntries());
    }

    /** Active datasets of every content type (the managers' list). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DatasetSummary> listActive() {
        return summaries.of(datasets.findByStatusOrderBySeriesKeyAscVersionNumberDesc(DatasetStatus.ACTIVE));
    }

    /** Datasets that may be chosen for a new portfolio: active stock datasets. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DatasetSummary> listSelectable() {
        return listActive().stream().filter(d -> d.contentType() == DatasetContentType.STOCKS).toList();
    }

    /** Any dataset by id, active or retired (for portfolios and reports that already use it). */
    @Transactional(readOnly = true)
    public Optional<DatasetSummary> find(long id) {
        return datasets.findById(id).map(summaries::of);
    }

    /** The current generator version's built-in synthetic market once it has been generated. */
    @Transactional(readOnly = true)
    public Optional<DatasetSummary> builtIn() {
        return BuiltInMarket.stored(datasets).map(summaries::of);
    }

    /** Header facts, cleaning report and instruments; managers may open active datasets, admins any. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DatasetDetail detail(long id) {
        Dataset d = visible(id);
        List<InstrumentSummary> list = instruments.findByDatasetIdOrderByPositionAsc(id).stream()
                .map(i -> new InstrumentSummary(i.getTicker(), i.getName(), i.getIndustry())).toList();
        return new DatasetDetail(summaries.of(d), DatasetWriter.parseReport(d.getCleaningReport()), list);
    }

    /** The market and industry index levels of a dataset, with the same access rule as {@link #detail}. */
    @PreAuthorize("isAuthenticated()")
    public IndexSeries indexSeries(long id) {
        Dataset d = visible(id);
        return indexSeriesOf(load(id), d.getContentType());
    }

    /** For stocks the market and industry indices; for an index-series dataset the series themselves. */
    static IndexSeries indexSeriesOf(MarketData data, DatasetContentType type) {
        Map<String, double[]> industries = new LinkedHashMap<>();
        if (type == DatasetContentType.INDEX_SERIES) {
            for (int i = 0; i < data.instrumentCount(); i++) {
                industries.put(data.instruments().get(i).ticker(), data.close()[i]);
            }
        } else {
            industries.putAll(data.industryIndices());
        }
        return new IndexSeries(Arrays.asList(data.dates()), data.marketIndex(), data.marketIndexMethod().name(),
                industries, data.industryIndexMethod().name());
    }

    /**
     * The market data of a dataset (any status), decoded once and then served from a small in-memory cache
     * keyed by id and content hash. Callers must not modify the returned arrays.
     */
    public MarketData load(long id) {
        Dataset d = datasets.findById(id).orElseThrow(() -> new NotFoundException("Dataset"));
        String hash = d.getContentHash();
        return cache.get(new MarketDataCache.Key(id, hash), () -> {
            MarketData data = MarketDataCodec.decode(content.read(id));
            if (!hash.equals(data.contentHash())) {
                throw new IllegalStateException("stored content of dataset " + id + " does not match its hash");
            }
            return data;
        });
    }

    /** Decodings so far (cache misses); for tests and metrics. */
    public long cacheLoads() {
        return cache.loads();
    }

    private Dataset visible(long id) {
        Dataset d = datasets.findById(id).orElseThrow(() -> new NotFoundException("Dataset"));
        boolean admin = currentUser.find().map(CurrentUser.UserRef::isAdmin).orElse(false);
        if (d.getStatus() != DatasetStatus.ACTIVE && !admin) {
            throw new NotFoundException("Dataset");
        }
        return d;
    }
}

package org.factorguard.reports.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.domain.Report;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headline figures of stored reports for lists: those the report row keeps (LSTM Sharpe and drawdown, linear
 * Sharpe) and the rest read once from the stored result document (linear drawdown, both VaRs, the method
 * version) and then kept, keyed by report id: a report never changes.
 */
final class ReportHeadlines {

    /** Headline figures the report row does not keep. */
    record FromDocument(Double lstmMaxDrawdown, Double lstmVar, Double linearMaxDrawdown, Double linearSharpe,
                        Double linearVar, int methodVersion) {
        static final FromDocument NONE = new FromDocument(null, null, null, null, null, 1);
    }

    private static final int KEPT = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Map<Long, FromDocument> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FromDocument> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * The report as the Reports page lists it; {@code document} (the stored result) is read only the first time.
     *
     * @param sharedBy who shared it, or null for the user's own report
     */
    ReportListing listing(Report report, String sharedBy, Supplier<String> document) {
        FromDocument extra;
        synchronized (kept) {
            extra = kept.get(report.getId());
        }
        if (extra == null) {
            extra = read(document.get());
            synchronized (kept) {
                kept.put(report.getId(), extra);
            }
        }
        ReportListing.Headline lstm = new ReportListing.Headline(
                orElse(report.getLstmMaxDrawdown(), extra.lstmMaxDrawdown()), report.getLstmSharpe(), extra.lstmVar());
        ReportListing.Headline linear = new ReportListing.Headline(extra.linearMaxDrawdown(),
                orElse(report.getLinearSharpe(), extra.linearSharpe()), extra.linearVar());
        return new ReportListing(report.getId(), report.getTitle(), report.getPortfolioName(), report.getDatasetName(),
                report.getCreatedAt(), sharedBy, lstm, linear, extra.methodVersion());
    }

    /** Reads the few figures from a result document; a damaged or foreign document gives none. */
    static FromDocument read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return FromDocument.NONE;
        }
        if (root == null || !root.isObject()) {
            return FromDocument.NONE;
        }
        JsonNode lstm = summaryOf(root, StudyResult.LSTM);
        JsonNode linear = summaryOf(root, StudyResult.LINEAR);
        JsonNode version = root.path("methodVersion");
        return new FromDocument(number(lstm, "maxDrawdown"), number(lstm, "valueAtRisk95"),
                number(linear, "maxDrawdown"), number(linear, "sharpe"), number(linear, "valueAtRisk95"),
                version.isIntegralNumber() && version.intValue() > 0 ? version.intValue() : 1);
    }

    private static JsonNode summaryOf(JsonNode root, String portfolio) {
        for (JsonNode p : root.path("portfolios")) {
            if (portfolio.equals(p.path("name").asString(""))) {
                return p.path("summary");
            }
        }
        return null;
    }

    private static Double number(JsonNode summary, String field) {
        if (summary == null) {
            return null;
        }
        JsonNode v = summary.path(field);
        return v.isNumber() && Double.isFinite(v.doubleValue()) ? v.doubleValue() : null;
    }

    private static Double orElse(Double stored, Double read) {
        return stored != null ? stored : read;
    }
}

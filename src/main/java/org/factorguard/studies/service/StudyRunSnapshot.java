package org.factorguard.studies.service;

import org.factorguard.portfolios.service.RunPlan;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.StudyConfigJson;
import org.factorguard.reports.service.ReportSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a study run was queued with, frozen at submission and stored as the run's settings JSON: editing
 * the portfolio afterwards changes nothing of a run already queued. The config is written by
 * {@link StudyConfigJson} (NaN-safe). A study of a setting sweep also records its value ({@code variant}, e.g.
 * "Rebalancing: weekly"), which its report's title carries.
 */
public record StudyRunSnapshot(long portfolioId, String portfolioName, long datasetId, String datasetName,
                               String datasetHash, StudyConfig config, String variant) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A study of the portfolio's own settings. */
    public StudyRunSnapshot(long portfolioId, String portfolioName, long datasetId, String datasetName,
                            String datasetHash, StudyConfig config) {
        this(portfolioId, portfolioName, datasetId, datasetName, datasetHash, config, null);
    }

    /** A study of the plan's settings and config; {@code variant} names a sweep's value, or is null. */
    public static StudyRunSnapshot of(RunPlan plan, StudyConfig config, String variant) {
        return new StudyRunSnapshot(plan.portfolioId(), plan.portfolioName(), plan.datasetId(), plan.datasetName(),
                plan.datasetHash(), config, variant);
    }

    /** The report's title: the portfolio, the sweep's value where there is one, and the dates studied. */
    public String reportTitle(Object firstDate, Object lastDate) {
        return portfolioName + (variant == null ? "" : " · " + variant) + " · " + firstDate + " – " + lastDate;
    }

    /** What the report of this run's result records about where it comes from. */
    public ReportSource reportSource(long ownerId, long jobId) {
        return new ReportSource(ownerId, jobId, portfolioId, portfolioName, datasetId, datasetName, datasetHash);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("portfolioId", portfolioId);
        root.put("portfolioName", portfolioName);
        root.put("datasetId", datasetId);
        root.put("datasetName", datasetName);
        root.put("datasetHash", datasetHash);
        if (variant != null) {
            root.put("variant", variant);
        }
        root.set("config", JSON.readTree(StudyConfigJson.write(config)));
        return JSON.writeValueAsString(root);
    }

    /** Reads a snapshot written by {@link #toJson()}; invalid settings throw the config's own exception. */
    public static StudyRunSnapshot fromJson(String json) {
        JsonNode root = JSON.readTree(json);
        for (String field : new String[] {"portfolioId", "portfolioName", "datasetId", "datasetName", "datasetHash",
                "config"}) {
            if (!root.hasNonNull(field)) {
                throw new IllegalArgumentException("The run's settings are incomplete (no " + field + ")");
            }
        }
        return new StudyRunSnapshot(root.get("portfolioId").asLong(), root.get("portfolioName").asString(),
                root.get("datasetId").asLong(), root.get("datasetName").asString(), root.get("datasetHash").asString(),
                StudyConfigJson.read(JSON.writeValueAsString(root.get("config"))),
                root.hasNonNull("variant") ? root.get("variant").asString() : null);
    }
}

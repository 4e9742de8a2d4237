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
 * {@link StudyConfigJson} (NaN-safe).
 */
public record StudyRunSnapshot(long portfolioId, String portfolioName, long datasetId, String datasetName,
                               String datasetHash, StudyConfig config) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static StudyRunSnapshot of(RunPlan plan) {
        return new StudyRunSnapshot(plan.portfolioId(), plan.portfolioName(), plan.datasetId(), plan.datasetName(),
                plan.datasetHash(), plan.config());
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
                StudyConfigJson.read(JSON.writeValueAsString(root.get("config"))));
    }
}

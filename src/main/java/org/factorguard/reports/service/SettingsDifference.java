package org.factorguard.reports.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factorguard.quant.study.StudyConfigJson;
import org.factorguard.quant.study.StudyResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting of several studies, one row per setting with each study's value: the facts of the run (dataset,
 * instruments, dates studied, method version), then each field of the {@code StudyConfig} as its JSON document
 * names it ({@code lstm.network.units}), so settings added later appear without change here. Rows on which
 * the studies disagree come first.
 */
final class SettingsDifference {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SettingsDifference() {
    }

    static List<ReportComparison.SettingRow> of(List<ReportComparison.Compared> reports) {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (ReportComparison.Compared r : reports) {
            Map<String, String> values = new LinkedHashMap<>();
            StudyResult.Selection selection = r.result().selection();
            values.put("dataset", r.datasetName() + " (" + shortHash(r.result().datasetHash()) + ")");
            values.put("instruments", selection.tickers().size() + " instruments");
            values.put("dates studied", selection.firstDate() + " – " + selection.lastDate());
            values.put("method version", String.valueOf(r.methodVersion()));
            flatten("", JSON.readTree(StudyConfigJson.write(r.result().config())), values);
            flat.add(values);
            names.addAll(values.keySet());
        }
        List<ReportComparison.SettingRow> differing = new ArrayList<>();
        List<ReportComparison.SettingRow> same = new ArrayList<>();
        for (String name : names) {
            List<String> values = flat.stream().map(v -> v.getOrDefault(name, "–")).toList();
            ReportComparison.SettingRow row = new ReportComparison.SettingRow(name, values);
            (row.differs() ? differing : same).add(row);
        }
        differing.addAll(same);
        return differing;
    }

    /** Leaves of a JSON tree under dotted names; a list of plain values is one leaf, its items comma-separated. */
    static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            boolean plain = true;
            for (JsonNode item : node) {
                plain &= item.isValueNode();
            }
            if (plain) {
                List<String> items = new ArrayList<>();
                for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); ) {
                    items.add(text(it.next()));
                }
                out.put(prefix, items.isEmpty() ? "(none)" : String.join(", ", items));
            } else {
                int k = 0;
                for (JsonNode item : node) {
                    flatten(prefix + "[" + k++ + "]", item, out);
                }
            }
        } else {
            out.put(prefix, text(node));
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "–";
        }
        String text = value.asString();
        return "NaN".equals(text) ? "off" : text;
    }

    private static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
    }
}

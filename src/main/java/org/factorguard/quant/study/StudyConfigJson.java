package org.factorguard.quant.study;

import tools.jackson.core.JacksonException;

/**
 * JSON form of a {@link StudyConfig}, with exactly the rules of {@link StudyResultJson} (alphabetical
 * properties, ISO-8601 dates, NaN and ±∞ as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}), so a config snapshot taken when a run is queued reads back as an equal config and
 * {@code write(read(write(c)))} equals {@code write(c)}. Reading runs the config's own validation.
 */
public final class StudyConfigJson {

    private StudyConfigJson() {
    }

    /** The config as compact JSON text. */
    public static String write(StudyConfig config) {
        try {
            return StudyResultJson.MAPPER.writeValueAsString(config);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the study config as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a config written by {@link #write}.
     *
     * @throws StudyConfigException     when the settings it holds are invalid
     * @throws IllegalArgumentException when the text is not a study config
     */
    public static StudyConfig read(String json) {
        try {
            return StudyResultJson.MAPPER.readValue(json, StudyConfig.class);
        } catch (JacksonException e) {
            if (e.getCause() instanceof StudyConfigException invalid) {
                throw invalid;
            }
            throw new IllegalArgumentException("not a study config: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the config out of a JSON tree node (e.g. a field of a larger document). */
    public static StudyConfig read(tools.jackson.databind.JsonNode node) {
        return read(node.toString());
    }
}

package org.factorguard.quant.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON form of a {@link StudyResult} (Jackson 3). Properties are written in alphabetical order and dates as
 * ISO-8601 strings, so the same result always gives the same bytes. Doubles are written in Java's shortest
 * round-trip form; NaN and ±∞ (undefined ratios, switched-off limits) are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} and read back as the same values, so
 * {@code write(read(write(r)))} equals {@code write(r)}. Documents written by older versions read too: unknown
 * properties are ignored and missing ones take their defaults (null, 0, false; see each record for what that
 * means, e.g. {@link StudyResult#methodVersion()}).
 */
public final class StudyResultJson {

    /** Shared with {@link StudyConfigJson}: one set of rules for every study document. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // documents written before a component was added lack it: a missing number reads as 0 and a missing
            // boolean as false (Jackson 3 would refuse them), and each new component maps that to the old behaviour
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StudyResultJson() {
    }

    /** The result as compact JSON text. */
    public static String write(StudyResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the study result as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the result as UTF-8 JSON; the stream is not closed. */
    public static void write(StudyResult result, OutputStream out) throws IOException {
        try {
            MAPPER.writeValue(new NonClosingOutputStream(out), result);
        } catch (JacksonException e) {
            throw new IOException("cannot write the study result as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a result written by {@link #write}. */
    public static StudyResult read(String json) {
        try {
            return MAPPER.readValue(json, StudyResult.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a study result: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a result written by {@link #write(StudyResult, OutputStream)}; the stream is not closed. */
    public static StudyResult read(InputStream in) throws IOException {
        try {
            return MAPPER.readValue(in, StudyResult.class);
        } catch (JacksonException e) {
            throw new IOException("not a study result: " + e.getOriginalMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Keeps Jackson from closing the caller's stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package org.factorguard.reports.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The result document of a report (StudyResultJson text), gzip-compressed in {@code report_result}
 * through plain JDBC: the document is large, never queried, and read whole.
 */
@Repository
public class ReportResultStore {

    private final JdbcTemplate jdbc;

    public ReportResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the document of a new report; must run in the transaction that created the report row. */
    public void write(long reportId, String json) {
        jdbc.update("insert into report_result (report_id, json_gzip) values (?, ?)", reportId, gzip(json));
    }

    public Optional<String> read(long reportId) {
        List<byte[]> rows = jdbc.query("select json_gzip from report_result where report_id = ?",
                (rs, n) -> rs.getBytes(1), reportId);
        return rows.stream().findFirst().map(ReportResultStore::gunzip);
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] bytes) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("stored report result is damaged", e);
        }
    }
}

package org.factorguard.datasets.domain;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The encoded market data of a dataset version ({@code MarketDataCodec} bytes) in {@code dataset_content},
 * split into chunks of at most {@link #CHUNK_BYTES} so that no single value grows without bound. Plain JDBC:
 * one insert per chunk and one ordered query to read them back, never row by row through JPA.
 */
@Repository
public class DatasetContentStore {

    /** Largest chunk written in one row. */
    public static final int CHUNK_BYTES = 8 * 1024 * 1024;

    private final JdbcTemplate jdbc;

    public DatasetContentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the bytes of a new dataset; must run inside the transaction that created the dataset row. */
    public void write(long datasetId, byte[] encoded) {
        List<Object[]> rows = new ArrayList<>();
        for (int offset = 0, chunk = 0; offset < encoded.length || chunk == 0; offset += CHUNK_BYTES, chunk++) {
            int end = Math.min(encoded.length, offset + CHUNK_BYTES);
            rows.add(new Object[] {datasetId, chunk, Arrays.copyOfRange(encoded, offset, end)});
        }
        for (Object[] row : rows) {
            jdbc.update("insert into dataset_content (dataset_id, chunk_index, bytes) values (?, ?, ?)", row);
        }
    }

    /** All bytes of a dataset in chunk order (empty when it has none). */
    public byte[] read(long datasetId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jdbc.query("select bytes from dataset_content where dataset_id = ? order by chunk_index",
                rs -> {
                    out.writeBytes(rs.getBytes(1));
                }, datasetId);
        return out.toByteArray();
    }

    /** Instruments of a new dataset, written in one JDBC batch. */
    public void writeInstruments(long datasetId, List<String[]> tickerNameIndustry) {
        List<Object[]> rows = new ArrayList<>(tickerNameIndustry.size());
        for (int i = 0; i < tickerNameIndustry.size(); i++) {
            String[] t = tickerNameIndustry.get(i);
            rows.add(new Object[] {datasetId, i, t[0], t[1], t[2]});
        }
        jdbc.batchUpdate("insert into dataset_instrument (dataset_id, position, ticker, name, industry) values (?, ?, "
                + "?, ?, ?)",
                rows);
    }
}

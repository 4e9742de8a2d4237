package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WideFormatCsvReaderTest {

    @Test
    void reads_close_columns_in_header_order_with_missing_cells_as_nan() throws IOException {
        String csv = """
                Date,MARKET,TECH,ENERGY
                2020-01-02,3257.85,1870.20,
                2020-01-03,3234.85,1851.02,488.10
                2020-01-06,3246.28,1862.00,491
                """;
        MarketData data = new WideFormatCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "idx");
        assertThat(data.instruments()).extracting(Instrument::ticker).containsExactly("MARKET", "TECH", "ENERGY");
        assertThat(data.dates()).containsExactly(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3),
                LocalDate.of(2020, 1, 6));
        assertThat(data.close()[0]).containsExactly(3257.85, 3234.85, 3246.28);
        assertThat(data.close()[2][0]).isNaN();
        assertThat(data.close()[2][2]).isEqualTo(491.0);
        assertThat(data.volume()[0][0]).isNaN();
        assertThat(data.contentHash()).isEqualTo(DatasetHash.of(data));
    }
}

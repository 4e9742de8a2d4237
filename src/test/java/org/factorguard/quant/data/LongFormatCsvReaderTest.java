package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LongFormatCsvReaderTest {

    private static MarketData source;

    @BeforeAll
    static void smallSyntheticMarket() {
        source = SyntheticMarket.generate(new SyntheticMarketConfig(11, 12, 3, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 6, 30)));
    }

    /** Long CSV of {@code data}, rows by date then ticker, shortest exact number formatting. */
    static String toLongCsv(MarketData data, boolean tickerMajor, boolean padded) {
        StringBuilder csv = new StringBuilder(padded
                ? "Ticker,DATE,Close,Open,High,Low,Volume,Industry,Name,Shares,EPS,BVPS\n"
                : "date,ticker,open,high,low,close,volume,name,industry,shares,eps,bvps\n");
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < data.instrumentCount(); i++) {
            for (int d = 0; d < data.dayCount(); d++) {
                cells.add(new int[] {i, d});
            }
        }
        if (!tickerMajor) {
            cells.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[0], a[0]));
        }
        for (int[] c : cells) {
            int i = c[0];
            int d = c[1];
            Instrument in = data.instruments().get(i);
            String date = data.dates()[d].toString();
            if (padded) {
                csv.append(in.ticker()).append(',').append(date).append(',').append(pad(data.close()[i][d])).append(',')
                        .append(pad(data.open()[i][d])).append(',').append(pad(data.high()[i][d])).append(',')
                        .append(pad(data.low()[i][d])).append(',').append(pad(data.volume()[i][d])).append(",\"")
                        .append(in.industry()).append("\",\"").append(in.name()).append("\",")
                        .append(pad(data.sharesOutstanding()[i][d])).append(',').append(
                                pad(data.earningsPerShare()[i][d]))
                        .append(',').append(pad(data.bookValuePerShare()[i][d])).append('\n');
            } else {
                csv.append(date).append(',').append(in.ticker()).append(',').append(data.open()[i][d]).append(',')
                        .append(data.high()[i][d]).append(',').append(data.low()[i][d]).append(',')
                        .append(data.close()[i][d]).append(',').append(data.volume()[i][d]).append(',')
                        .append(in.name()).append(',').append(in.industry()).append(',')
                        .append(data.sharesOutstanding()[i][d]).append(',').append(data.earningsPerShare()[i][d])
                        .append(',').append(data.bookValuePerShare()[i][d]).append('\n');
            }
        }
        return csv.toString();
    }

    /** The same value written differently: plain decimal with trailing zeros (10.5 -> 10.5000000000). */
    private static String pad(double v) {
        return new java.math.BigDecimal(Double.toString(v)).setScale(
                Math.max(new java.math.BigDecimal(Double.toString(v)).scale(), 0) + 2,
                        java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    static MarketData read(String csv) throws IOException {
        return new LongFormatCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void imported_values_equal_the_written_values() throws IOException {
        MarketData imported = read(toLongCsv(source, false, false));
        assertThat(imported.dates()).containsExactly(source.dates());
        assertThat(imported.instruments()).isEqualTo(source.instruments());
        for (int i = 0; i < source.instrumentCount(); i++) {
            assertThat(imported.close()[i]).containsExactly(source.close()[i]);
            assertThat(imported.open()[i]).containsExactly(source.open()[i]);
            assertThat(imported.high()[i]).containsExactly(source.high()[i]);
            assertThat(imported.low()[i]).containsExactly(source.low()[i]);
            assertThat(imported.volume()[i]).containsExactly(source.volume()[i]);
            assertThat(imported.sharesOutstanding()[i]).containsExactly(source.sharesOutstanding()[i]);
            assertThat(imported.earningsPerShare()[i]).containsExactly(source.earningsPerShare()[i]);
            assertThat(imported.priceToEarnings()[i]).containsExactly(source.priceToEarnings()[i]);
        }
        assertThat(imported.marketIndex()).containsExactly(source.marketIndex());
        assertThat(imported.label()).isEqualTo("test");
        assertThat(imported.contentHash()).isEqualTo(DatasetHash.of(imported)).hasSize(64);
    }

    @Test
    void import_round_trip_through_the_codec_keeps_values_and_hash() throws IOException {
        MarketData imported = read(toLongCsv(source, false, false));
        MarketData decoded = MarketDataCodec.decode(MarketDataCodec.encode(imported));
        assertThat(decoded.close()).isDeepEqualTo(imported.close());
        assertThat(decoded.earningsPerShare()).isDeepEqualTo(imported.earningsPerShare());
        assertThat(DatasetHash.of(decoded)).isEqualTo(imported.contentHash());
        assertThat(decoded.contentHash()).isEqualTo(imported.contentHash());
    }

    @Test
    void a_shuffled_and_reformatted_copy_gets_the_same_hash() throws IOException {
        String plain = toLongCsv(source, false, false);
        String reformatted = toLongCsv(source, true, true);
        assertThat(reformatted).isNotEqualTo(plain).contains(".00");
        assertThat(read(reformatted).contentHash()).isEqualTo(read(plain).contentHash());
    }

    @Test
    void a_changed_value_changes_the_hash() throws IOException {
        String plain = toLongCsv(source, false, false);
        String[] lines = plain.split("\n");
        String[] fields = lines[5].split(",");
        fields[6] = Double.toString(Double.parseDouble(fields[6]) + 1); // volume
        lines[5] = String.join(",", fields);
        assertThat(read(String.join("\n", lines)).contentHash()).isNotEqualTo(read(plain).contentHash());
    }

    @Test
    void missing_days_become_nan_and_dates_are_the_union() throws IOException {
        MarketData data = read("""
                date,ticker,open,high,low,close,volume
                2020-01-02,AAA,10,11,9,10.5,1000
                2020-01-03,AAA,10,11,9,10.5,1000
                2020-01-03,BBB,20,21,19,20,
                2020-01-06,BBB,20,21,19,20,500
                """);
        assertThat(data.dates()).containsExactly(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3),
                LocalDate.of(2020, 1, 6));
        assertThat(data.close()[1][0]).isNaN();
        assertThat(data.close()[0][2]).isNaN();
        assertThat(data.volume()[1][1]).isNaN();
        assertThat(data.instruments().get(0).industry()).isEqualTo(Instrument.UNCLASSIFIED);
        assertThat(data.marketIndexMethod()).isEqualTo(IndexMethod.EQUAL_WEIGHTED);
    }

    @Test
    void a_utf8_byte_order_mark_is_accepted_and_header_case_is_ignored() throws IOException {
        byte[] body = "DATE,Ticker,OPEN,High,low,Close,VOLUME,Industry\n2020-01-02,ABC,1,1,1,1,0,Café\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        MarketData data = new LongFormatCsvReader().read(new ByteArrayInputStream(withBom), "bom");
        assertThat(data.instruments().get(0).industry()).isEqualTo("Café");
        assertThat(data.close()[0][0]).isEqualTo(1.0);
    }

    @Test
    void progress_reports_bytes_read() throws IOException {
        String csv = toLongCsv(SyntheticMarket.generate(new SyntheticMarketConfig(3, 40, 4, LocalDate.of(2018, 1, 1),
                LocalDate.of(2019, 12, 31))), false, false);
        List<Long> reported = new ArrayList<>();
        new LongFormatCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "p",
                reported::add);
        assertThat(csv.length()).isGreaterThan(2 << 20);
        assertThat(reported).isNotEmpty().isSorted();
        assertThat(reported.get(0)).isGreaterThanOrEqualTo(1 << 20);
        assertThat(reported.get(reported.size() - 1)).isLessThanOrEqualTo(csv.length());
    }
}

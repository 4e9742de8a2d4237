package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per class of invalid file: each must be rejected with the offending line in the message. */
class CsvValidationTest {

    private static final String HEADER = "date,ticker,open,high,low,close,volume\n";
    private static final String GOOD = "2020-01-02,AAA,10,11,9,10.5,1000\n";

    private static CsvValidationException rejectLong(byte[] bytes, CsvImportLimits limits) {
        return catchThrowableOfType(CsvValidationException.class,
                () -> new LongFormatCsvReader(limits).read(new ByteArrayInputStream(bytes), "bad"));
    }

    private static CsvValidationException rejectLong(String csv) {
        return rejectLong(csv.getBytes(StandardCharsets.UTF_8), CsvImportLimits.defaults());
    }

    private static void assertFirstProblem(CsvValidationException e, long line, String fragment) {
        assertThat(e).as("the file must be rejected").isNotNull();
        ImportProblem first = e.problems().get(0);
        assertThat(first.line()).isEqualTo(line);
        assertThat(first.message()).startsWith("line " + line + ": ").containsIgnoringCase(fragment);
        assertThat(e.getMessage()).contains("line " + line);
    }

    @Test
    void unknown_column_is_rejected_on_the_header_line() {
        assertFirstProblem(rejectLong("date,ticker,open,high,low,close,volume,colour\n" + GOOD), 1,
                "unknown column 'colour'");
    }

    @Test
    void missing_required_column_is_rejected() {
        assertFirstProblem(rejectLong("date,ticker,open,high,low,close\n2020-01-02,AAA,10,11,9,10.5\n"), 1,
                "missing required column 'volume'");
    }

    @Test
    void duplicate_column_is_rejected() {
        assertFirstProblem(rejectLong("date,ticker,open,high,low,close,volume,CLOSE\n"), 1, "appears more than once");
    }

    @Test
    void bad_date_is_rejected_with_its_line() {
        assertFirstProblem(rejectLong(HEADER + GOOD + "02/01/2020,AAA,10,11,9,10.5,1000\n"), 3, "not an ISO date");
        assertFirstProblem(rejectLong(HEADER + "2020-02-30,AAA,10,11,9,10.5,1000\n"), 2, "not an ISO date");
    }

    @Test
    void non_numeric_price_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,ten,1000\n"), 2,
                "close 'ten' is not a finite decimal");
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,\"10,5\",1000\n"), 2, "decimal separator");
    }

    @Test
    void nan_and_infinite_prices_are_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,NaN,1000\n"), 2, "not a finite decimal");
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,Infinity,9,10,1000\n"), 2, "high 'Infinity'");
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,1e999,9,10,1000\n"), 2, "not a finite decimal");
    }

    @Test
    void negative_and_zero_prices_are_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,-9,10,1000\n"), 2, "low -9 must be positive");
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,0,11,9,10,1000\n"), 2, "open 0 must be positive");
    }

    @Test
    void missing_close_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,,1000\n"), 2, "close is missing");
    }

    @Test
    void high_below_low_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + GOOD + GOOD.replace("01-02", "01-03").replace(",11,9,", ",9,11,")), 3,
                "high 9 is below low 11");
    }

    @Test
    void close_outside_the_days_range_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,12,1000\n"), 2, "close 12 is outside");
    }

    @Test
    void negative_volume_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,10,-5\n"), 2, "volume -5 must not be negative");
    }

    @Test
    void duplicate_date_and_ticker_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + GOOD + "2020-01-02,BBB,1,1,1,1,1\n" + GOOD), 4,
                "duplicate row for date 2020-01-02 and ticker AAA");
    }

    @Test
    void unsorted_dates_of_a_ticker_are_rejected() {
        assertFirstProblem(rejectLong(HEADER + GOOD.replace("01-02", "01-06") + GOOD), 3, "must be sorted by date");
    }

    @Test
    void empty_file_is_rejected() {
        assertFirstProblem(rejectLong(""), 1, "the file is empty");
        assertFirstProblem(rejectLong("\n\n"), 1, "the file is empty");
    }

    @Test
    void header_only_is_rejected() {
        assertFirstProblem(rejectLong(HEADER), 1, "no data rows");
    }

    @Test
    void utf16_and_utf32_byte_order_marks_are_rejected() {
        byte[] utf16 = ("\uFEFF" + HEADER + GOOD).getBytes(StandardCharsets.UTF_16LE);
        assertFirstProblem(rejectLong(utf16, CsvImportLimits.defaults()), 1, "UTF-16 byte order mark");
        byte[] utf32 = {0x00, 0x00, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'd'};
        assertFirstProblem(rejectLong(utf32, CsvImportLimits.defaults()), 1, "UTF-32 byte order mark");
    }

    @Test
    void invalid_utf8_is_rejected_with_its_line() {
        byte[] head = (HEADER + GOOD + "2020-01-03,AAA,10,11,9,10,1000,").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xC3; // Latin-1 "é" would be 0xE9; 0xC3 0x28 is not valid UTF-8
        bytes[head.length + 1] = (byte) 0x28;
        assertFirstProblem(rejectLong(bytes, CsvImportLimits.defaults()), 3, "invalid UTF-8");
    }

    @Test
    void binary_content_is_rejected() {
        byte[] bytes = (HEADER + GOOD + GOOD).getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = 0;
        assertFirstProblem(rejectLong(bytes, CsvImportLimits.defaults()), 3, "binary content");
    }

    @Test
    void a_file_over_the_size_limit_is_rejected() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 1; d <= 28; d++) {
            csv.append(String.format("2020-02-%02d,AAA,10,11,9,10.5,1000%n", d));
        }
        CsvValidationException e = rejectLong(csv.toString().getBytes(StandardCharsets.UTF_8),
                CsvImportLimits.defaults().withMaxBytes(500));
        assertThat(e.problems().get(0).message()).matches("line \\d+: the file is larger than the limit of 500 bytes");
    }

    @Test
    void a_line_over_the_length_limit_is_rejected() {
        CsvImportLimits limits = new CsvImportLimits(1 << 20, 100, 60, 20);
        String csv = HEADER + GOOD + "2020-01-03,AAA,10,11,9,10.5," + "1".repeat(80) + "\n";
        assertFirstProblem(rejectLong(csv.getBytes(StandardCharsets.UTF_8), limits), 3, "longer than the limit of 60");
    }

    @Test
    void too_many_columns_are_rejected() {
        CsvImportLimits limits = new CsvImportLimits(1 << 20, 3, 1000, 20);
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, ()
                -> new WideFormatCsvReader(limits)
                .read(new ByteArrayInputStream("date,A,B,C\n2020-01-02,1,2,3\n".getBytes(StandardCharsets.UTF_8)),
                        "w"));
        assertFirstProblem(e, 1, "4 columns, more than the limit of 3");
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,AAA,10,11,9,10.5\n"), 2, "expected 7 fields");
    }

    @Test
    void formula_looking_text_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + "2020-01-02,=HYPERLINK(1),10,11,9,10.5,1000\n"), 2,
                "ticker '=HYPERLINK(1)' is not valid");
        String withIndustry = "date,ticker,open,high,low,close,volume,industry\n"
                + "2020-01-02,AAA,10,11,9,10.5,1000,@SUM(A1)\n";
        assertFirstProblem(rejectLong(withIndustry), 2, "which spreadsheets run as a formula");
    }

    @Test
    void an_unterminated_quote_is_rejected() {
        assertFirstProblem(rejectLong(HEADER + GOOD + "2020-01-03,\"AAA,10,11,9,10.5,1000\n"), 3, "malformed CSV");
    }

    @Test
    void problems_are_collected_up_to_the_limit_and_nothing_is_returned() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 1; d <= 30; d++) {
            csv.append(String.format("2020-01-%02d,AAA,10,11,9,-1,1000%n", d));
        }
        CsvValidationException e = rejectLong(csv.toString());
        assertThat(e.problems()).hasSize(20);
        assertThat(e.truncated()).isTrue();
        assertThat(e.problems()).extracting(ImportProblem::line).startsWith(2L, 3L, 4L);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("line " + p.line() + ": "));

        CsvValidationException few = rejectLong(HEADER + GOOD + "2020-01-03,AAA,10,11,9,x,1000\n"
                + "2020-01-06,AAA,10,11,9,10,y\n");
        assertThat(few.problems()).extracting(ImportProblem::line).containsExactly(3L, 4L);
        assertThat(few.truncated()).isFalse();
    }

    @Test
    void wide_format_rejects_unsorted_dates_and_bad_ticker_headers() {
        assertThatThrownBy(() -> new WideFormatCsvReader().read(new ByteArrayInputStream(
                "date,IDX\n2020-01-03,100\n2020-01-02,101\n".getBytes(StandardCharsets.UTF_8)), "w"))
                .isInstanceOf(CsvValidationException.class).hasMessageContaining(
                        "line 3: date 2020-01-02 comes after 2020-01-03");
        assertThatThrownBy(() -> new WideFormatCsvReader().read(new ByteArrayInputStream(
                "Date,IDX,+CMD\n2020-01-02,100,1\n".getBytes(StandardCharsets.UTF_8)), "w"))
                .isInstanceOf(CsvValidationException.class).hasMessageContaining("line 1: column 3: ticker '+CMD'");
    }
}

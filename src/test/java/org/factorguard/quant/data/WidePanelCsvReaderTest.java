package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WidePanelCsvReaderTest {

    private static final String CLOSES = """
            date,AAPL,MSFT,XOM
            2020-01-02,75.09,160.62,70.90
            2020-01-03,74.36,,70.33
            2020-01-06,74.95,159.03,70.87
            """;

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MarketData read(String closes, String instruments) throws IOException {
        return new WidePanelCsvReader().read(text(closes), instruments == null ? null : text(instruments), "panel",
                bytes -> { });
    }

    @Test
    void closes_alone_become_unclassified_stocks_without_shares() throws IOException {
        MarketData data = read(CLOSES, null);

        assertThat(data.instruments()).extracting(Instrument::ticker).containsExactly("AAPL", "MSFT", "XOM");
        assertThat(data.instruments()).extracting(Instrument::industry).containsOnly(Instrument.UNCLASSIFIED);
        assertThat(data.close()[1][1]).isNaN();
        assertThat(data.hasShares()).isFalse();
        assertThat(data.contentHash()).isEqualTo(DatasetHash.of(data));
    }

    @Test
    void the_instrument_list_names_classifies_and_sizes_the_stocks_in_any_order() throws IOException {
        MarketData data = read(CLOSES, """
                Ticker,Industry,Name,Shares
                XOM,Energy,Exxon Mobil,4230000000
                AAPL,Technology,Apple Inc.,4380000000
                MSFT,Technology,,
                """);

        assertThat(data.instruments()).containsExactly(new Instrument("AAPL", "Apple Inc.", "Technology"),
                new Instrument("MSFT", "MSFT", "Technology"), new Instrument("XOM", "Exxon Mobil", "Energy"));
        assertThat(data.industries()).containsExactly("Technology", "Energy");
        assertThat(data.sharesOutstanding()[0]).containsOnly(4.38e9);
        assertThat(data.sharesOutstanding()[1]).containsOnly(Double.NaN);
        assertThat(data.marketCap(2, 2)).isEqualTo(70.87 * 4.23e9);
        assertThat(data.contentHash()).isEqualTo(DatasetHash.of(data)).isNotEqualTo(read(CLOSES, null).contentHash());
    }

    @Test
    void a_bad_cell_in_the_closes_is_reported_with_its_line_and_nothing_is_returned() {
        String bad = CLOSES.replace("74.36", "74,36");

        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> read(bad, null));

        assertThat(e.problems()).extracting(ImportProblem::message).containsExactly(
                "line 3: expected 4 fields like the header but found 5");
    }

    @Test
    void a_text_cell_in_the_closes_names_the_ticker_and_the_line() {
        String bad = CLOSES.replace("159.03", "n/a");

        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> read(bad, null));

        assertThat(e.problems()).extracting(ImportProblem::message).containsExactly(
                "line 4: MSFT 'n/a' is not a finite decimal number (use '.' as decimal separator)");
    }

    @Test
    void problems_of_the_instrument_list_are_numbered_by_its_own_lines() {
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> read(CLOSES, """
                ticker,name,industry,shares
                AAPL,Apple Inc.,Technology,-5
                AAPL,Apple again,Technology,
                MSFT,=HYPERLINK("x"),Technology,
                """));

        assertThat(e.problems()).extracting(ImportProblem::message).containsExactly(
                "instrument list, line 2: shares '-5' is not a positive decimal number (use '.' as decimal separator)",
                "instrument list, line 3: ticker AAPL is listed again (first on line 2)",
                "instrument list, line 4: name '=HYPERLINK(\"x\")' starts with '=', which spreadsheets run as a "
                        + "formula; remove the leading character");
    }

    @Test
    void the_list_must_name_every_ticker_of_the_closes_and_no_other() {
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> read(CLOSES, """
                ticker,name,industry
                AAPL,Apple Inc.,Technology
                MSFT,Microsoft,Technology
                IBM,IBM,Technology
                """));

        assertThat(e.problems()).extracting(ImportProblem::message).containsExactly(
                "instrument list, line 1: the closes have 1 ticker(s) the list does not name: XOM",
                "instrument list, line 4: ticker IBM has no column in the closes");
    }

    @Test
    void a_list_without_its_required_columns_is_refused_at_its_header() {
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> read(CLOSES, """
                ticker,sector
                AAPL,Technology
                """));

        assertThat(e.problems()).extracting(ImportProblem::message).containsExactly(
                "instrument list, line 1: unknown column 'sector'; expected ticker,name,industry and optionally "
                        + "shares",
                "instrument list, line 1: missing required column 'name'",
                "instrument list, line 1: missing required column 'industry'");
    }
}

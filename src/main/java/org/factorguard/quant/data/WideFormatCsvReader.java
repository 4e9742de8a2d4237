package org.factorguard.quant.data;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the wide close-price CSV format used for index files, one row per date and one column per
 * ticker:
 * <pre>
 * date,MARKET,TECH,ENERGY
 * 2020-01-02,3257.85,1870.20,
 * 2020-01-03,3234.85,1851.02,488.10
 * </pre>
 * The first column must be named {@code date} (any case) and hold ISO dates in strictly increasing order
 * (sorted, no duplicate dates); every other header names a ticker (same rules as the long format, unique).
 * A cell is a close price &gt; 0 or empty (missing). The same encoding, size and line-number rules as
 * {@link LongFormatCsvReader} apply. The result holds closes only (instruments are unclassified); its
 * tickers keep the header order.
 */
public final class WideFormatCsvReader {

    private final CsvImportLimits limits;

    public WideFormatCsvReader() {
        this(CsvImportLimits.defaults());
    }

    public WideFormatCsvReader(CsvImportLimits limits) {
        this.limits = limits;
    }

    public MarketData read(InputStream in, String label) throws IOException {
        return read(in, label, bytes -> { });
    }

    /** Reads and validates a whole file, reporting bytes read to {@code progress} about every MiB. */
    public MarketData read(InputStream in, String label, LongConsumer progress) throws IOException {
        ImportProblems problems = new ImportProblems(limits.maxProblems());
        List<InstrumentRows> columns = new ArrayList<>();
        try (CsvRecordSource source = new CsvRecordSource(LongFormatCsvReader.nonClosing(in), limits, progress,
                problems)) {
            List<String> header = source.header(false);
            long headerLine = source.line();
            if (header.size() > limits.maxColumns()) {
                throw problems.fatal(headerLine, "the header has " + header.size() + " columns, more than the limit of "
                        + limits.maxColumns());
            }
            if (!header.get(0).toLowerCase(Locale.ROOT).equals("date")) {
                problems.add(headerLine, "the first column must be 'date' but is '" + CsvCells.shorten(header.get(0))
                        + "'");
            }
            if (header.size() < 2) {
                problems.add(headerLine, "no ticker columns after 'date'");
            }
            Set<String> seen = new HashSet<>();
            boolean[] closeOnly = {true};
            for (int k = 1; k < header.size(); k++) {
                String ticker = header.get(k);
                String problem = CsvCells.tickerProblem(ticker);
                if (problem != null) {
                    problems.add(headerLine, "column " + (k + 1) + ": " + problem);
                } else if (!seen.add(ticker)) {
                    problems.add(headerLine, "ticker column '" + ticker + "' appears more than once");
                }
                columns.add(new InstrumentRows(ticker, closeOnly));
            }
            problems.throwIfAny();
            CsvCells cells = new CsvCells();
            double[] value = new double[1];
            long lastDay = Long.MIN_VALUE;
            boolean anyRow = false;
            while (source.next()) {
                anyRow = true;
                CSVRecord record = source.record();
                long line = source.line();
                if (record.size() != header.size()) {
                    problems.add(line, "expected " + header.size() + " fields like the header but found "
                            + record.size());
                    continue;
                }
                String dateCell = record.get(0);
                long day = cells.epochDay(dateCell);
                if (day == CsvCells.INVALID_DAY) {
                    problems.add(line, "date '" + CsvCells.shorten(dateCell) + "' is not an ISO date (yyyy-MM-dd)");
                    continue;
                }
                if (day == lastDay) {
                    problems.add(line, "duplicate row for date " + dateCell);
                    continue;
                }
                if (day < lastDay) {
                    problems.add(line, "date " + dateCell + " comes after " + LocalDate.ofEpochDay(lastDay)
                            + "; rows must be sorted by date");
                    continue;
                }
                lastDay = day;
                for (int k = 1; k < header.size(); k++) {
                    String cell = record.get(k);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    double v = CsvCells.decimal(cell);
                    if (Double.isNaN(v)) {
                        problems.add(line, header.get(k) + " '" + CsvCells.shorten(cell)
                                + "' is not a finite decimal number (use '.' as decimal separator)");
                    } else if (v <= 0) {
                        problems.add(line, header.get(k) + " " + cell + " must be positive");
                    } else {
                        value[0] = v;
                        columns.get(k - 1).append(day, value);
                    }
                }
            }
            if (!anyRow) {
                throw problems.fatal(headerLine, "the file has a header but no data rows");
            }
            problems.throwIfAny();
            List<Instrument> instruments = columns.stream().map(c -> new Instrument(c.ticker, c.ticker, null)).toList();
            RowsToColumns assembled = new RowsToColumns(columns, 1);
            MarketData.Builder builder = MarketData.builder(assembled.dates, instruments).label(label)
                    .close(assembled.values[0]);
            return builder.contentHash(DatasetHash.of(builder.build())).build();
        }
    }
}

package org.factorguard.quant.data;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the long CSV format, one row per (date, ticker):
 * <pre>
 * date,ticker,open,high,low,close,volume[,name,industry,shares,eps,bvps,pe,pb]
 * 2020-01-02,AAPL,74.06,75.15,73.80,75.09,135480400,Apple Inc.,Technology,4384000000,2.97,20.42,,
 * </pre>
 * <ul>
 *   <li>UTF-8 (a UTF-8 byte order mark is skipped), comma-separated, RFC 4180 quotes, header required; header
 *       names are case-insensitive, columns may come in any order, unknown columns are an error;</li>
 *   <li>required columns: date (ISO {@code yyyy-MM-dd}), ticker, open, high, low, close, volume; optional:
 *       name, industry, shares (outstanding), eps (trailing 12 months), bvps, pe, pb;</li>
 *   <li>every row needs a close &gt; 0; open, high, low (&gt; 0), volume (≥ 0), shares (&gt; 0) and the
 *       fundamentals (any finite sign) may be left empty (missing); numbers use '.' as decimal separator;
 *       low ≤ open, close ≤ high must hold where given;</li>
 *   <li>ordering: the rows of each ticker must be in strictly increasing date order; rows of different
 *       tickers may be interleaved in any way (sorted by date then ticker, or by ticker then date). A second
 *       row for the same (date, ticker) is reported as a duplicate;</li>
 *   <li>name and industry are taken from a ticker's first row that gives them; a different non-empty
 *       industry later is an error. Text starting with {@code = + - @} is rejected (formula injection).</li>
 * </ul>
 * Validation collects up to {@link CsvImportLimits#maxProblems()} problems, each with its line number,
 * and then throws {@link CsvValidationException}; nothing is returned from an invalid file. The result's
 * dates are the union of all dates in the file (missing = NaN), instruments are sorted by ticker, indices
 * are derived (cap-weighted when shares are given), the fundamentals are shifted by the reporting lag
 * ({@link ReportingLag}; none by default) and its {@link MarketData#contentHash()} is set
 * ({@link DatasetHash}). Rows are accumulated in primitive arrays per ticker, so memory stays close to
 * the size of the numbers themselves.
 */
public final class LongFormatCsvReader {

    /** Columns every long-format file must have. */
    public static final List<String> REQUIRED_COLUMNS =
            List.of("date", "ticker", "open", "high", "low", "close", "volume");
    /** Columns a long-format file may have. */
    public static final List<String> OPTIONAL_COLUMNS =
            List.of("name", "industry", "shares", "eps", "bvps", "pe", "pb");

    private enum Rule { POSITIVE, NON_NEGATIVE, FINITE }

    /** Numeric columns in storage order. */
    private enum ValueColumn {
        OPEN("open", Rule.POSITIVE), HIGH("high", Rule.POSITIVE), LOW("low", Rule.POSITIVE),
        CLOSE("close", Rule.POSITIVE), VOLUME("volume", Rule.NON_NEGATIVE), SHARES("shares", Rule.POSITIVE),
        EPS("eps", Rule.FINITE), BVPS("bvps", Rule.FINITE), PE("pe", Rule.FINITE), PB("pb", Rule.FINITE);

        final String header;
        final Rule rule;

        ValueColumn(String header, Rule rule) {
            this.header = header;
            this.rule = rule;
        }
    }

    private static final ValueColumn[] COLUMNS = ValueColumn.values();

    private final CsvImportLimits limits;
    private final int reportingLagDays;

    public LongFormatCsvReader() {
        this(CsvImportLimits.defaults());
    }

    /** A reader that keeps the fundamentals as of their row dates (a point-in-time file). */
    public LongFormatCsvReader(CsvImportLimits limits) {
        this(limits, 0);
    }

    /**
     * @param reportingLagDays calendar days before a fundamental (eps, bvps, pe, pb) dated d becomes visible; see
     *                         {@link ReportingLag} (0 for a file declared point-in-time)
     */
    public LongFormatCsvReader(CsvImportLimits limits, int reportingLagDays) {
        if (reportingLagDays < 0) {
            throw new IllegalArgumentException("the reporting lag must not be negative, was " + reportingLagDays);
        }
        this.limits = limits;
        this.reportingLagDays = reportingLagDays;
    }

    /** Reads and validates a whole file; see the class comment. The stream is read to the end, not closed. */
    public MarketData read(InputStream in, String label) throws IOException {
        return read(in, label, bytes -> { });
    }

    /**
     * As {@link #read(InputStream, String)}, reporting the number of bytes read so far to {@code progress}
     * about every MiB.
     */
    public MarketData read(InputStream in, String label, LongConsumer progress) throws IOException {
        ImportProblems problems = new ImportProblems(limits.maxProblems());
        Map<String, InstrumentRows> byTicker = new HashMap<>();
        boolean[] present = new boolean[COLUMNS.length];
        try (CsvRecordSource source = new CsvRecordSource(nonClosing(in), limits, progress, problems)) {
            List<String> header = source.header(true);
            long headerLine = source.line();
            int[] columnIndex = new int[COLUMNS.length];
            Map<String, Integer> named = checkHeader(header, headerLine, problems);
            for (ValueColumn c : COLUMNS) {
                columnIndex[c.ordinal()] = named.getOrDefault(c.header, -1);
                present[c.ordinal()] = columnIndex[c.ordinal()] >= 0;
            }
            int dateCol = named.get("date");
            int tickerCol = named.get("ticker");
            int nameCol = named.getOrDefault("name", -1);
            int industryCol = named.getOrDefault("industry", -1);
            CsvCells cells = new CsvCells();
            double[] values = new double[COLUMNS.length];
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
                boolean ok = true;
                String dateCell = record.get(dateCol);
                long day = cells.epochDay(dateCell);
                if (day == CsvCells.INVALID_DAY) {
                    problems.add(line, "date '" + CsvCells.shorten(dateCell) + "' is not an ISO date (yyyy-MM-dd)");
                    ok = false;
                }
                String ticker = record.get(tickerCol);
                String tickerProblem = CsvCells.tickerProblem(ticker);
                if (tickerProblem != null) {
                    problems.add(line, tickerProblem);
                    ok = false;
                }
                ok &= parseValues(record, columnIndex, values, line, problems);
                String name = nameCol >= 0 ? record.get(nameCol) : "";
                String industry = industryCol >= 0 ? record.get(industryCol) : "";
                ok &= checkText("name", name, line, problems) & checkText("industry", industry, line, problems);
                if (tickerProblem != null || day == CsvCells.INVALID_DAY) {
                    continue;
                }
                InstrumentRows rows = byTicker.computeIfAbsent(ticker, t -> new InstrumentRows(t, present));
                if (day == rows.lastDay) {
                    problems.add(line, "duplicate row for date " + dateCell + " and ticker " + ticker);
                    continue;
                }
                if (day < rows.lastDay) {
                    problems.add(line, "date " + dateCell + " comes after " + LocalDate.ofEpochDay(rows.lastDay)
                            + " in an earlier row of ticker " + ticker + "; each ticker's rows must be sorted by date");
                    continue;
                }
                if (!industry.isEmpty() && !rows.industry.isEmpty() && !industry.equals(rows.industry)) {
                    problems.add(line, "industry '" + CsvCells.shorten(industry) + "' differs from '"
                            + CsvCells.shorten(rows.industry) + "' given earlier for ticker " + ticker);
                    ok = false;
                }
                if (ok) {
                    if (rows.industry.isEmpty()) {
                        rows.industry = industry;
                    }
                    if (rows.name.isEmpty()) {
                        rows.name = name;
                    }
                    rows.append(day, values);
                }
            }
            if (!anyRow) {
                throw problems.fatal(headerLine, "the file has a header but no data rows");
            }
            problems.throwIfAny();
        }
        return assemble(byTicker, present, label, reportingLagDays);
    }

    private static Map<String, Integer> checkHeader(List<String> header, long line, ImportProblems problems) {
        Set<String> known = new HashSet<>(REQUIRED_COLUMNS);
        known.addAll(OPTIONAL_COLUMNS);
        Map<String, Integer> named = new HashMap<>();
        boolean ok = true;
        for (int k = 0; k < header.size(); k++) {
            String name = header.get(k);
            if (!known.contains(name)) {
                problems.add(line, "unknown column '" + CsvCells.shorten(name) + "'; expected "
                        + String.join(",", REQUIRED_COLUMNS) + " and optionally " + String.join(",", OPTIONAL_COLUMNS));
                ok = false;
            } else if (named.putIfAbsent(name, k) != null) {
                problems.add(line, "column '" + name + "' appears more than once");
                ok = false;
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!named.containsKey(required)) {
                problems.add(line, "missing required column '" + required + "'");
                ok = false;
            }
        }
        if (!ok) {
            problems.throwIfAny();
        }
        return named;
    }

    private static boolean parseValues(CSVRecord record, int[] columnIndex, double[] values, long line,
                                       ImportProblems problems) {
        boolean ok = true;
        for (ValueColumn c : COLUMNS) {
            int idx = columnIndex[c.ordinal()];
            if (idx < 0) {
                values[c.ordinal()] = Double.NaN;
                continue;
            }
            String cell = record.get(idx);
            if (cell.isEmpty()) {
                values[c.ordinal()] = Double.NaN;
                if (c == ValueColumn.CLOSE) {
                    problems.add(line, "close is missing");
                    ok = false;
                }
                continue;
            }
            double v = CsvCells.decimal(cell);
            if (Double.isNaN(v)) {
                problems.add(line, c.header + " '" + CsvCells.shorten(cell)
                        + "' is not a finite decimal number (use '.' as decimal separator, no thousands separator)");
                ok = false;
            } else if (c.rule == Rule.POSITIVE && v <= 0) {
                problems.add(line, c.header + " " + cell + " must be positive");
                ok = false;
            } else if (c.rule == Rule.NON_NEGATIVE && v < 0) {
                problems.add(line, c.header + " " + cell + " must not be negative");
                ok = false;
            }
            values[c.ordinal()] = v;
        }
        if (!ok) {
            return false;
        }
        double high = values[ValueColumn.HIGH.ordinal()];
        double low = values[ValueColumn.LOW.ordinal()];
        if (high < low) {
            problems.add(line, "high " + fmt(high) + " is below low " + fmt(low));
            return false;
        }
        for (ValueColumn c : new ValueColumn[] {ValueColumn.OPEN, ValueColumn.CLOSE}) {
            double v = values[c.ordinal()];
            if (v > high || v < low) {
                problems.add(line, c.header + " " + fmt(v) + " is outside the day's range [low "
                        + fmt(low) + ", high " + fmt(high) + "]");
                ok = false;
            }
        }
        return ok;
    }

    private static boolean checkText(String column, String text, long line, ImportProblems problems) {
        String problem = CsvCells.textProblem(column, text);
        if (problem != null) {
            problems.add(line, problem);
            return false;
        }
        return true;
    }

    private static MarketData assemble(Map<String, InstrumentRows> byTicker, boolean[] present, String label,
                                       int lagDays) {
        List<InstrumentRows> sorted = new ArrayList<>(byTicker.values());
        sorted.sort(Comparator.comparing(r -> r.ticker));
        List<Instrument> instruments = sorted.stream().map(r -> new Instrument(r.ticker, r.name, r.industry)).toList();
        RowsToColumns columns = new RowsToColumns(sorted, COLUMNS.length);
        double[][][] v = columns.values;
        LocalDate[] dates = columns.dates;
        double[][] close = v[ValueColumn.CLOSE.ordinal()];
        MarketData.Builder builder = MarketData.builder(dates, instruments).label(label)
                .open(v[ValueColumn.OPEN.ordinal()]).high(v[ValueColumn.HIGH.ordinal()])
                .low(v[ValueColumn.LOW.ordinal()]).close(close)
                .volume(v[ValueColumn.VOLUME.ordinal()]).sharesOutstanding(v[ValueColumn.SHARES.ordinal()])
                .earningsPerShare(ReportingLag.shift(dates, v[ValueColumn.EPS.ordinal()], lagDays))
                .bookValuePerShare(ReportingLag.shift(dates, v[ValueColumn.BVPS.ordinal()], lagDays))
                .priceToEarnings(ReportingLag.shiftRatio(dates, close, v[ValueColumn.PE.ordinal()], lagDays))
                .priceToBook(ReportingLag.shiftRatio(dates, close, v[ValueColumn.PB.ordinal()], lagDays));
        return builder.contentHash(DatasetHash.of(builder.build())).build();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The caller owns the stream; reading must not close it. */
    static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes its stream
            }
        };
    }
}

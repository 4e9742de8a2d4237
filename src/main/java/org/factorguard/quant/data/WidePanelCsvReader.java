package org.factorguard.quant.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a wide stock panel: a matrix of daily closes, one column per stock, in the wide format of
 * {@link WideFormatCsvReader} (same header, date, cell, encoding and size rules), optionally with a small second
 * file that names and classifies the stocks:
 * <pre>
 * date,AAPL,MSFT,XOM          ticker,name,industry,shares
 * 1990-01-02,0.33,0.62,11.50  AAPL,Apple Inc.,Technology,15550000000
 * 1990-01-03,,0.61,11.44      XOM,Exxon Mobil,Energy,
 * </pre>
 * The instrument list has the columns {@code ticker,name,industry} and optionally {@code shares} (header names in
 * any case and order); name and industry may be empty (the ticker, {@value Instrument#UNCLASSIFIED}); shares,
 * when given, must be a positive number. It must list every ticker of the closes exactly once and no other.
 * Its problems are reported as {@code "instrument list, line N: …"}.
 *
 * <p>Shares outstanding are one number per stock and apply to every day (the file states no history of them):
 * market capitalisations and the cap-weighted indices then use today's share counts for the past, a mild
 * look-ahead that the long format's daily {@code shares} column avoids. Without a list every stock is
 * unclassified and there are no shares; volume and fundamentals are always missing in this format.
 */
public final class WidePanelCsvReader {

    /** Columns the instrument list must have. */
    public static final List<String> INSTRUMENT_COLUMNS = List.of("ticker", "name", "industry");
    /** The optional column of the instrument list. */
    public static final String SHARES_COLUMN = "shares";

    private final CsvImportLimits limits;

    public WidePanelCsvReader() {
        this(CsvImportLimits.defaults());
    }

    public WidePanelCsvReader(CsvImportLimits limits) {
        this.limits = limits;
    }

    /** One row of the instrument list. */
    private record Listed(long line, Instrument instrument, double shares) {
    }

    /**
     * Reads and validates both files; nothing is returned when either has a problem. The streams are read to the
     * end, not closed.
     *
     * @param instruments the instrument list, or null for none
     * @param progress    bytes of the closes read so far, about every MiB
     */
    public MarketData read(InputStream closes, InputStream instruments, String label, LongConsumer progress)
            throws IOException {
        Map<String, Listed> listed = instruments == null ? null : readInstruments(instruments);
        MarketData panel = new WideFormatCsvReader(limits).read(closes, label, progress);
        if (listed == null) {
            return panel;
        }
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> inPanel = new HashSet<>();
        List<String> unlisted = new ArrayList<>();
        for (Instrument i : panel.instruments()) {
            inPanel.add(i.ticker());
            if (!listed.containsKey(i.ticker())) {
                unlisted.add(i.ticker());
            }
        }
        if (!unlisted.isEmpty()) {
            problems.add(problem(1, "the closes have " + unlisted.size() + " ticker(s) the list does not name: "
                    + CsvCells.shorten(String.join(", ", unlisted))));
        }
        for (Listed l : listed.values()) {
            if (!inPanel.contains(l.instrument().ticker()) && problems.size() < limits.maxProblems()) {
                problems.add(problem(l.line(), "ticker " + l.instrument().ticker() + " has no column in the closes"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvValidationException(problems, false);
        }
        return withInstruments(panel, listed);
    }

    private Map<String, Listed> readInstruments(InputStream in) throws IOException {
        ImportProblems ignored = new ImportProblems(limits.maxProblems());
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Listed> listed = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        try (CsvRecordSource source = new CsvRecordSource(LongFormatCsvReader.nonClosing(in), limits, bytes -> { },
                ignored)) {
            List<String> header;
            try {
                header = source.header(true);
            } catch (CsvValidationException e) {
                throw relabel(e);
            }
            Map<String, Integer> named = new HashMap<>();
            for (int k = 0; k < header.size(); k++) {
                String name = header.get(k);
                if (!INSTRUMENT_COLUMNS.contains(name) && !SHARES_COLUMN.equals(name)) {
                    problems.add(problem(1, "unknown column '" + CsvCells.shorten(name) + "'; expected "
                            + String.join(",", INSTRUMENT_COLUMNS) + " and optionally " + SHARES_COLUMN));
                } else if (named.putIfAbsent(name, k) != null) {
                    problems.add(problem(1, "column '" + name + "' appears more than once"));
                }
            }
            for (String required : INSTRUMENT_COLUMNS) {
                if (!named.containsKey(required)) {
                    problems.add(problem(1, "missing required column '" + required + "'"));
                }
            }
            if (!problems.isEmpty()) {
                throw new CsvValidationException(problems, false);
            }
            int sharesColumn = named.getOrDefault(SHARES_COLUMN, -1);
            boolean any = false;
            while (next(source)) {
                any = true;
                CSVRecord record = source.record();
                long line = source.line();
                if (record.size() != header.size()) {
                    add(problems, problem(line, "expected " + header.size() + " fields like the header but found "
                            + record.size()));
                    continue;
                }
                String ticker = record.get(named.get("ticker"));
                String name = record.get(named.get("name"));
                String industry = record.get(named.get("industry"));
                String tickerProblem = CsvCells.tickerProblem(ticker);
                boolean ok = true;
                if (tickerProblem != null) {
                    add(problems, problem(line, tickerProblem));
                    ok = false;
                } else if (firstLine.containsKey(ticker)) {
                    add(problems, problem(line, "ticker " + ticker + " is listed again (first on line "
                            + firstLine.get(ticker) + ")"));
                    ok = false;
                } else {
                    firstLine.put(ticker, line);
                }
                for (String[] text : new String[][] {{"name", name}, {"industry", industry}}) {
                    String textProblem = CsvCells.textProblem(text[0], text[1]);
                    if (textProblem != null) {
                        add(problems, problem(line, textProblem));
                        ok = false;
                    }
                }
                double shares = Double.NaN;
                String cell = sharesColumn < 0 ? "" : record.get(sharesColumn);
                if (!cell.isEmpty()) {
                    shares = CsvCells.decimal(cell);
                    if (!(shares > 0)) {
                        add(problems, problem(line, "shares '" + CsvCells.shorten(cell)
                                + "' is not a positive decimal number (use '.' as decimal separator)"));
                        ok = false;
                    }
                }
                if (ok) {
                    listed.put(ticker, new Listed(line, new Instrument(ticker, name, industry), shares));
                }
            }
            if (!any) {
                problems.add(problem(1, "the list has a header but no instruments"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvValidationException(problems, problems.size() >= limits.maxProblems());
        }
        return listed;
    }

    private boolean next(CsvRecordSource source) {
        try {
            return source.next();
        } catch (CsvValidationException e) {
            throw relabel(e);
        }
    }

    private void add(List<ImportProblem> problems, ImportProblem problem) {
        problems.add(problem);
        if (problems.size() >= limits.maxProblems()) {
            throw new CsvValidationException(problems, true);
        }
    }

    /** Encoding and syntax problems of the list, found by the shared reader, named as the list's. */
    private static CsvValidationException relabel(CsvValidationException e) {
        List<ImportProblem> renamed = e.problems().stream().map(p -> new ImportProblem(p.line(),
                "instrument list, " + p.message())).toList();
        return new CsvValidationException(renamed, e.truncated());
    }

    private static ImportProblem problem(long line, String detail) {
        return new ImportProblem(line, "instrument list, line " + line + ": " + detail);
    }

    private static MarketData withInstruments(MarketData panel, Map<String, Listed> listed) {
        List<Instrument> instruments = panel.instruments().stream().map(i -> listed.get(i.ticker()).instrument())
                .toList();
        double[][] close = panel.close();
        double[][] shares = new double[panel.instrumentCount()][panel.dayCount()];
        for (int i = 0; i < shares.length; i++) {
            double count = listed.get(instruments.get(i).ticker()).shares();
            Arrays.fill(shares[i], Double.NaN);
            for (int t = 0; t < shares[i].length; t++) {
                if (close[i][t] > 0) {
                    shares[i][t] = count;
                }
            }
        }
        MarketData.Builder builder = MarketData.builder(panel.dates(), instruments).label(panel.label())
                .close(close).sharesOutstanding(shares);
        return builder.contentHash(DatasetHash.of(builder.build())).build();
    }
}

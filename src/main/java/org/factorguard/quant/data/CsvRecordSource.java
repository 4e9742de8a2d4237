package org.factorguard.quant.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Commons CSV over a {@link GuardedUtf8Reader}: yields the header and then the data records with their
 * physical line numbers, and turns encoding, size and syntax failures into line-numbered problems.
 * Blank lines are skipped; fields are trimmed; quotes follow RFC 4180.
 */
final class CsvRecordSource implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private final GuardedUtf8Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ImportProblems problems;
    private CSVRecord current;
    private long lastRecordLine;

    CsvRecordSource(InputStream in, CsvImportLimits limits, LongConsumer progress, ImportProblems problems)
            throws IOException {
        this.reader = new GuardedUtf8Reader(in, limits, progress);
        this.parser = FORMAT.parse(reader);
        this.records = parser.iterator();
        this.problems = problems;
    }

    /**
     * The header's column names, trimmed and lower-cased ({@code lowerCase}) or as written; throws when the
     * file is empty.
     */
    List<String> header(boolean lowerCase) {
        if (!next()) {
            throw problems.fatal(1, "the file is empty");
        }
        List<String> names = new ArrayList<>(current.size());
        for (String name : current) {
            names.add(lowerCase ? name.toLowerCase(Locale.ROOT) : name);
        }
        return names;
    }

    /** Advances to the next record; false at the end of the file. */
    boolean next() {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
            lastRecordLine = parser.getCurrentLineNumber();
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw translate(e);
        }
    }

    CSVRecord record() {
        return current;
    }

    /** Physical line on which the current record ends (1-based). */
    long line() {
        return parser.getCurrentLineNumber();
    }

    long bytesRead() {
        return reader.bytesRead();
    }

    private RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedUtf8Reader.RejectedInput rejected) {
                return problems.fatal(rejected.line, rejected.detail);
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof IOException io && !isSyntax(io)) {
            return new UncheckedIOException(io); // a real I/O failure of the upload, not a file problem
        }
        // the broken record starts after the last good one (an unterminated quote runs to the end of the file)
        return problems.fatal(lastRecordLine + 1, "malformed CSV: " + cause.getMessage());
    }

    /** Commons CSV reports syntax errors (e.g. an unterminated quote) as plain IOExceptions. */
    private static boolean isSyntax(IOException io) {
        return io.getClass() == IOException.class || io instanceof org.apache.commons.csv.CSVException;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

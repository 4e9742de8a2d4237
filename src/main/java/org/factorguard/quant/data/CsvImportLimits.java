package org.factorguard.quant.data;

/**
 * Safety limits of a CSV import; a file that exceeds one is rejected with a line-numbered problem.
 *
 * @param maxBytes      largest accepted file size in bytes (default 512 MiB)
 * @param maxColumns    most columns in the header (default 5,000, enough for wide index files)
 * @param maxLineLength most characters in one line (default 100,000)
 * @param maxProblems   problems collected before the import stops and reports them (default 20)
 */
public record CsvImportLimits(long maxBytes, int maxColumns, int maxLineLength, int maxProblems) {

    public CsvImportLimits {
        if (maxBytes < 1 || maxColumns < 2 || maxLineLength < 16 || maxProblems < 1) {
            throw new IllegalArgumentException("CSV import limits must be positive (columns ≥ 2, line length ≥ 16)");
        }
    }

    public static CsvImportLimits defaults() {
        return new CsvImportLimits(512L * 1024 * 1024, 5_000, 100_000, 20);
    }

    public CsvImportLimits withMaxBytes(long bytes) {
        return new CsvImportLimits(bytes, maxColumns, maxLineLength, maxProblems);
    }
}

package org.factorguard.quant.data;

/**
 * One problem found while validating an imported file.
 *
 * @param line    1-based physical line of the file (the header is line 1; file-level problems such as an
 *                empty file or a wrong encoding are reported on the line where they were detected)
 * @param message human-readable text, starting with {@code "line N: "} (a wide panel's instrument list:
 *                {@code "instrument list, line N: "})
 */
public record ImportProblem(long line, String message) {

    /** A problem at {@code line} described by {@code detail}; the message gets the {@code "line N: "} prefix. */
    public static ImportProblem at(long line, String detail) {
        return new ImportProblem(line, "line " + line + ": " + detail);
    }

    @Override
    public String toString() {
        return message;
    }
}

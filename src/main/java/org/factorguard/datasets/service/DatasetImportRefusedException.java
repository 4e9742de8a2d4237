package org.factorguard.datasets.service;

import java.util.List;
import org.factorguard.quant.data.ImportProblem;

/**
 * An import was refused and nothing was stored: the file is invalid ({@link #problems()} lists the first
 * problems, each with its line number), or its data is identical to an existing dataset's, or cleaning left
 * nothing to keep.
 */
public class DatasetImportRefusedException extends RuntimeException {

    private final transient List<ImportProblem> problems;
    private final boolean truncated;

    public DatasetImportRefusedException(String message, List<ImportProblem> problems, boolean truncated) {
        super(message);
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    public DatasetImportRefusedException(String message) {
        this(message, List.of(), false);
    }

    /** Line-numbered problems of an invalid file (empty for other refusals). */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** True when validation stopped at the problem limit, so the file may hold more problems. */
    public boolean truncated() {
        return truncated;
    }
}

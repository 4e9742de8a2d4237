package org.factorguard.quant.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An imported CSV file was rejected. Nothing from it is returned: the import is all or nothing.
 * {@link #problems()} lists the first problems in file order (at most
 * {@link CsvImportLimits#maxProblems()}), each with its line number.
 */
public class CsvValidationException extends RuntimeException {

    private final transient List<ImportProblem> problems;
    private final boolean truncated;

    public CsvValidationException(List<ImportProblem> problems, boolean truncated) {
        super(describe(problems, truncated));
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** True when validation stopped at the problem limit, so the file may hold more problems. */
    public boolean truncated() {
        return truncated;
    }

    private static String describe(List<ImportProblem> problems, boolean truncated) {
        return "CSV file rejected with " + problems.size() + (truncated ? " or more" : "") + " problem(s): "
                + problems.stream().limit(5).map(ImportProblem::message).collect(Collectors.joining("; "))
                + (problems.size() > 5 ? "; …" : "");
    }
}

package org.factorguard.quant.data;

import java.util.ArrayList;
import java.util.List;

/** Collects problems of one import and stops it once the limit is reached. */
final class ImportProblems {

    private final int limit;
    private final List<ImportProblem> problems = new ArrayList<>();

    ImportProblems(int limit) {
        this.limit = limit;
    }

    /** Records a problem; throws {@link CsvValidationException} when this was the last one allowed. */
    void add(long line, String detail) {
        problems.add(ImportProblem.at(line, detail));
        if (problems.size() >= limit) {
            throw new CsvValidationException(problems, true);
        }
    }

    /** Records a problem that makes reading on pointless and throws at once. */
    CsvValidationException fatal(long line, String detail) {
        if (problems.size() < limit) {
            problems.add(ImportProblem.at(line, detail));
        }
        return new CsvValidationException(problems, problems.size() >= limit);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new CsvValidationException(problems, false);
        }
    }
}

package org.factorguard.shared;

import java.util.List;

/** A request was refused because its input is invalid; nothing was changed. */
public class ValidationProblemException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationProblemException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public ValidationProblemException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

package org.factorguard.shared;

/** A validation problem that a form shows beside the field it concerns ({@code field} may be null). */
public record FieldProblem(String field, String message) {
}

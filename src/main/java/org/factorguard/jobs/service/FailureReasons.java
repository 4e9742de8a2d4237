package org.factorguard.jobs.service;

import org.factorguard.shared.ValidationProblemException;

/**
 * Turns what stopped a run into one readable sentence for its owner. Exceptions that the application
 * throws on purpose ({@link JobFailedException}, {@link IllegalArgumentException},
 * {@link IllegalStateException}, {@link ValidationProblemException}) already carry a message written for
 * people; anything else is described by kind only, and its stack trace goes to the log, never to the user.
 */
public final class FailureReasons {

    static final int MAX_LENGTH = 1000;
    public static final String INTERRUPTED_BY_RESTART = "Interrupted by a restart of the portal";
    public static final String OUT_OF_MEMORY =
            "Out of memory while running — try fewer samples, a shorter history or a smaller model";

    private FailureReasons() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        if (failure instanceof StackOverflowError) {
            return "The computation nested too deeply (stack overflow) — try simpler settings";
        }
        if (failure instanceof InterruptedException) {
            return INTERRUPTED_BY_RESTART;
        }
        Throwable readable = failure;
        // unwrap reflective or executor wrappers around the real problem
        while ((readable instanceof java.lang.reflect.InvocationTargetException
                || readable instanceof java.util.concurrent.ExecutionException
                || readable instanceof java.util.concurrent.CompletionException) && readable.getCause() != null) {
            readable = readable.getCause();
        }
        if (readable != failure) {
            return describe(readable);
        }
        boolean meantForPeople = failure instanceof JobFailedException || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException || failure instanceof ValidationProblemException;
        String message = failure.getMessage();
        if (meantForPeople && message != null && !message.isBlank()) {
            return sentence(message);
        }
        return "Unexpected error (" + failure.getClass().getSimpleName()
                + ") — the administrator finds the details in the log";
    }

    /** First line only, capitalised, at most {@value #MAX_LENGTH} characters. */
    static String sentence(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "Failed";
        }
        line = Character.toUpperCase(line.charAt(0)) + line.substring(1);
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}

package org.factorguard.jobs.service;

/**
 * A run cannot finish for a reason its owner should read as it is, e.g. "Training diverged: the loss
 * became NaN" or "No allocation satisfies a 10 % volatility limit".
 */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String readableReason) {
        super(readableReason);
    }

    public JobFailedException(String readableReason, Throwable cause) {
        super(readableReason, cause);
    }
}

package org.factorguard.shared;

/**
 * Thrown by services when an object does not exist <em>or belongs to someone else</em>: callers
 * cannot tell the two apart, so ids leak nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}

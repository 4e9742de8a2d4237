package org.factorguard.jobs.service;

/** Names of the run kinds the product registers, for features that list runs of one kind. */
public final class JobKinds {

    /** A study of a portfolio (subject = the portfolio id); its handler lives in the studies feature. */
    public static final String STUDY = "STUDY";

    private JobKinds() {
    }
}

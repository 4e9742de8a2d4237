package org.factorguard.studies.service;

import java.time.Instant;
import java.util.List;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;

/**
 * A setting sweep and the current state of its study runs, in the order of its values.
 *
 * @param portfolioName the portfolio's name, or null when it has been deleted since
 */
public record SweepDetail(long id, long portfolioId, String portfolioName, SweptSetting setting, Instant createdAt,
                          List<Member> members) {

    public SweepDetail {
        members = List.copyOf(members);
    }

    /** One value and its run. */
    public record Member(String value, String label, JobSummary run) {
    }

    /** How many of the runs have succeeded. */
    public long succeeded() {
        return members.stream().filter(m -> m.run().state() == JobState.SUCCEEDED).count();
    }

    /** Whether every run has ended (succeeded, failed or cancelled). */
    public boolean finished() {
        return members.stream().allMatch(m -> m.run().state().isFinal());
    }

    /** The studies of a sweep each count this many others in their deflated Sharpe ratio's N. */
    public int otherStudies() {
        return members.size() - 1;
    }
}

package org.factorguard.jobs.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of background runs ({@code factorguard.jobs.*}).
 *
 * @param workers            runs executed at the same time on this node (JobRunr's worker count)
 * @param maxActivePerUser   queued + running runs one user may have at once
 * @param nodeName           this node's name in the run records; defaults to the host name. Two nodes on
 *                           one host must be given different names
 * @param heartbeatInterval  how often a node confirms the runs it executes are alive
 * @param staleAfter         a running run whose heartbeat is older than this is taken as abandoned
 *                           (must exceed the heartbeat interval plus the clock skew between nodes)
 * @param sweepInterval      how often each node looks for abandoned runs of dead nodes
 * @param progressWriteInterval the shortest time between two progress writes of one run
 * @param cancelPollInterval how long a run's cancellation token trusts its cached answer
 */
@ConfigurationProperties("factorguard.jobs")
public record JobsProperties(
        @DefaultValue("1") int workers,
        @DefaultValue("3") int maxActivePerUser,
        String nodeName,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("500ms") Duration progressWriteInterval,
        @DefaultValue("250ms") Duration cancelPollInterval) {

    public JobsProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("factorguard.jobs.workers must be at least 1");
        }
        if (maxActivePerUser < 1) {
            throw new IllegalArgumentException("factorguard.jobs.max-active-per-user must be at least 1");
        }
        if (!staleAfter.minus(heartbeatInterval).isPositive()) {
            throw new IllegalArgumentException(
                    "factorguard.jobs.stale-after must be longer than the heartbeat interval");
        }
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = hostName();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "factorguard";
        }
    }
}

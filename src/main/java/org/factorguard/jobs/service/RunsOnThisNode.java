package org.factorguard.jobs.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The runs this node is executing right now, with their progress writers. */
@Component
public class RunsOnThisNode {

    private final Map<Long, RunProgress> running = new ConcurrentHashMap<>();

    void add(long jobId, RunProgress progress) {
        running.put(jobId, progress);
    }

    void remove(long jobId) {
        running.remove(jobId);
    }

    public List<Long> ids() {
        return List.copyOf(running.keySet());
    }

    void writePendingProgress() {
        running.values().forEach(RunProgress::writeIfDue);
    }
}

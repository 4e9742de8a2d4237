package org.factorguard.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.factorguard.jobs.service.JobContext;
import org.factorguard.jobs.service.JobFailedException;
import org.factorguard.jobs.service.JobHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test-only run kind "TEST": counts {@code steps} steps of {@code stepMillis} each, reporting progress and
 * a falling "loss", honouring cancel; {@code "fail": "exception" | "oom"} makes it fail at step
 * {@code failAt}. Records result "count-{steps}". Remembers the order in which runs started.
 */
public class CountingJobHandler implements JobHandler {

    public static final String KIND = "TEST";
    public static final java.util.List<Long> STARTED = new CopyOnWriteArrayList<>();
    public static final Map<Long, String> THREADS_OWNER_SEEN = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static String settings(int steps, int stepMillis) {
        return "{\"steps\":" + steps + ",\"stepMillis\":" + stepMillis + "}";
    }

    public static String failing(String how, int failAt) {
        return "{\"steps\":10,\"stepMillis\":20,\"fail\":\"" + how + "\",\"failAt\":" + failAt + "}";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        STARTED.add(context.jobId());
        JsonNode settings = JSON.readTree(context.settingsJson());
        int steps = settings.path("steps").asInt(10);
        int stepMillis = settings.path("stepMillis").asInt(20);
        String fail = settings.path("fail").asString("");
        int failAt = settings.path("failAt").asInt(-1);
        context.progress().stage("Counting to " + steps, 0);
        for (int i = 1; i <= steps; i++) {
            if (context.cancellation().isCancellationRequested()) {
                return;
            }
            if (i == failAt) {
                switch (fail) {
                    case "oom" -> throw new OutOfMemoryError("Java heap space");
                    case "diverged" -> throw new JobFailedException("Training diverged: the loss became NaN");
                    default -> throw new java.io.UncheckedIOException(
                            new java.io.IOException("disk on fire at step " + i));
                }
            }
            Thread.sleep(stepMillis);
            context.progress().epoch(i, 1.0 / i);
            context.progress().fraction((double) i / steps);
        }
        context.recordResult("count-" + steps);
    }

    @Override
    public String resultLocation(String resultReference) {
        return "runs/result/" + resultReference;
    }
}

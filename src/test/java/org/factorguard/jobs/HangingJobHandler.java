package org.factorguard.jobs;

import java.util.concurrent.CountDownLatch;
import org.factorguard.jobs.service.JobContext;
import org.factorguard.jobs.service.JobHandler;

/**
 * Test-only run kind "HANG": reports one progress step, then blocks until {@link #RELEASE} opens,
 * ignoring interrupts and cancel, like a native training loop on a node that has died.
 */
public class HangingJobHandler implements JobHandler {

    public static final String KIND = "HANG";
    public static volatile CountDownLatch RELEASE = new CountDownLatch(1);
    public static volatile CountDownLatch STARTED = new CountDownLatch(1);

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) {
        context.progress().stage("Hanging", 0.25);
        STARTED.countDown();
        while (true) {
            try {
                RELEASE.await();
                return;
            } catch (InterruptedException ignored) {
                // a dead node does not answer either
            }
        }
    }
}

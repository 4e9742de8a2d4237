package org.factorguard.datasets.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs imports off the UI thread, one at a time per node (a big file needs a lot of memory while it is
 * being cleaned), with the caller's security context so that the admin role check still applies.
 */
@Component
public class DatasetImportRunner implements DisposableBean {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dataset-import");
        t.setDaemon(true);
        return t;
    });

    /** Queues {@code work} on the import thread under the calling thread's security context. */
    public void submit(Runnable work) {
        executor.execute(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

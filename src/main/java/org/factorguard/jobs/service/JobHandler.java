package org.factorguard.jobs.service;

/**
 * One kind of background run (e.g. {@code "STUDY"}). Implementations are Spring beans; the run's
 * kind selects the handler. {@link #run} executes on a JobRunr worker thread:
 * no security context and no Vaadin session are available there, so everything the handler needs comes
 * from the {@link JobContext} (the owner is passed explicitly).
 *
 * <p>Ending: return normally after recording a result → SUCCEEDED; throw → FAILED with a readable reason
 * (see {@link FailureReasons}); stop because {@link JobContext#cancellation()} said so (by throwing
 * {@code TrainingCancelledException} or by returning without a result) → CANCELLED. Progress already
 * reported is kept in every case.
 */
public interface JobHandler {

    /** The kind this handler runs, upper case, e.g. {@code "STUDY"}. */
    String kind();

    void run(JobContext context) throws Exception;

    /**
     * Where the portal shows a result this handler recorded (a route such as {@code "reports/42"}), or
     * null when there is nothing to open.
     */
    default String resultLocation(String resultReference) {
        return null;
    }

    /**
     * Where the portal shows the thing a run of this kind works on (a route such as {@code "portfolios/7/runs"},
     * where the owner can start it again), or null.
     */
    default String subjectLocation(Long subjectId) {
        return null;
    }
}

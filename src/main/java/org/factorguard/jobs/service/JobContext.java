package org.factorguard.jobs.service;

import org.factorguard.quant.models.sequence.CancellationToken;

/** What a {@link JobHandler} gets to work with: the run's identity and owner, its settings, progress and cancel. */
public interface JobContext {

    long jobId();

    /** The user who submitted the run (the security context does not follow into the background). */
    long ownerId();

    /** The subject the run is about (e.g. a portfolio id), or null. */
    Long subjectId();

    /** The settings snapshot taken at submission, as JSON text. */
    String settingsJson();

    JobProgress progress();

    /** True once the owner or an administrator asked to cancel; checks the database at most every ~250 ms. */
    CancellationToken cancellation();

    /** Records what the run produced (e.g. a stored result's id); the run then ends SUCCEEDED. */
    void recordResult(String resultReference);
}

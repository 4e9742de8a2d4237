package org.factorguard.datasets.service;

/** Told how an import advances; called on the importing thread. */
@FunctionalInterface
public interface ImportProgressListener {

    /**
     * @param stage    the current step
     * @param fraction overall progress in [0, 1]
     */
    void onProgress(ImportStage stage, double fraction);

    static ImportProgressListener none() {
        return (stage, fraction) -> { };
    }
}

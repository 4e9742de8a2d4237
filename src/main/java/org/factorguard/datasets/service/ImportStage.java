package org.factorguard.datasets.service;

/** The steps of an import, in order. */
public enum ImportStage {
    READING("Reading and validating"),
    CLEANING("Cleaning"),
    STORING("Storing"),
    DONE("Done");

    private final String label;

    ImportStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

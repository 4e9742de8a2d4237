package org.factorguard.datasets.domain;

/** Whether a dataset can be chosen for new portfolios. A retired dataset stays readable. */
public enum DatasetStatus {
    ACTIVE,
    RETIRED
}

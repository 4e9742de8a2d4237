package org.factorguard.datasets.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One instrument of a dataset version, for listing and search (its daily values live in the encoded content). */
@Entity
@Table(name = "dataset_instrument")
public class DatasetInstrument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dataset_id", nullable = false)
    private long datasetId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 64)
    private String ticker;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String industry;

    protected DatasetInstrument() {
    }

    public DatasetInstrument(long datasetId, int position, String ticker, String name, String industry) {
        this.datasetId = datasetId;
        this.position = position;
        this.ticker = ticker;
        this.name = name;
        this.industry = industry;
    }

    public long getDatasetId() { return datasetId; }

    public int getPosition() { return position; }

    public String getTicker() { return ticker; }

    public String getName() { return name; }

    public String getIndustry() { return industry; }
}

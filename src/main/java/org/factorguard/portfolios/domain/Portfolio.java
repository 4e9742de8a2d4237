package org.factorguard.portfolios.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.factorguard.shared.AbstractEntity;

/** A manager's portfolio: a dataset, a universe and the settings of its studies (JSON, see PortfolioSettings). */
@Entity
@Table(name = "portfolio")
public class Portfolio extends AbstractEntity {

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "dataset_id", nullable = false)
    private long datasetId;

    @Column(name = "settings_json", nullable = false, length = 100_000)
    private String settingsJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Portfolio() {
    }

    public Portfolio(long ownerId, String name, long datasetId, String settingsJson, Instant now) {
        this.ownerId = ownerId;
        this.name = name;
        this.datasetId = datasetId;
        this.settingsJson = settingsJson;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long getOwnerId() { return ownerId; }

    public String getName() { return name; }

    public long getDatasetId() { return datasetId; }

    public String getSettingsJson() { return settingsJson; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getUpdatedAt() { return updatedAt; }

    public void update(String newName, long newDatasetId, String newSettingsJson, Instant now) {
        this.name = newName;
        this.datasetId = newDatasetId;
        this.settingsJson = newSettingsJson;
        this.updatedAt = now;
    }
}

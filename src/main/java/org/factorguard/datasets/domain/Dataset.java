package org.factorguard.datasets.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.factorguard.shared.AbstractEntity;

/**
 * One immutable version of a dataset. A correction is imported as a new version of the same series (same
 * name), so every report can name the exact data it used; only the status changes after creation.
 */
@Entity
@Table(name = "dataset")
public class Dataset extends AbstractEntity {

    /** Only daily data exists so far; the column keeps the model honest about it. */
    public static final String FREQUENCY_DAILY = "DAILY";
    /** Prices stored as imported (validated). */
    public static final String PRICES_RAW = "RAW";
    /** Prices winsorised and interpolated at import (datasets imported before issue 13). */
    public static final String PRICES_CLEANED = "CLEANED";

    @Column(name = "series_key", nullable = false, length = 200)
    private String seriesKey;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(nullable = false, length = 500)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DatasetKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false, length = 16)
    private DatasetContentType contentType;

    @Column(nullable = false, length = 16)
    private String frequency = FREQUENCY_DAILY;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DatasetStatus status = DatasetStatus.ACTIVE;

    @Column(name = "created_by_id")
    private Long createdById;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "instrument_count", nullable = false)
    private int instrumentCount;

    @Column(name = "industry_count", nullable = false)
    private int industryCount;

    @Column(name = "day_count", nullable = false)
    private int dayCount;

    @Column(name = "row_count", nullable = false)
    private long rowCount;

    @Column(name = "first_date", nullable = false)
    private LocalDate firstDate;

    @Column(name = "last_date", nullable = false)
    private LocalDate lastDate;

    @Column(name = "market_index_method", nullable = false, length = 16)
    private String marketIndexMethod;

    @Column(name = "industry_index_method", nullable = false, length = 16)
    private String industryIndexMethod;

    @Column(name = "content_bytes", nullable = false)
    private long contentBytes;

    @Column(name = "cleaning_summary", nullable = false, length = 500)
    private String cleaningSummary;

    @Column(name = "cleaning_report", nullable = false, length = 1_000_000)
    private String cleaningReport;

    /** {@link #PRICES_RAW} since issue 13, {@link #PRICES_CLEANED} for datasets winsorised at import before. */
    @Column(name = "price_form", nullable = false, length = 16)
    private String priceForm = PRICES_RAW;

    @Column(name = "reporting_lag_days")
    private Integer reportingLagDays;

    @Column(name = "fundamentals_point_in_time", nullable = false)
    private boolean fundamentalsPointInTime;

    protected Dataset() {
    }

    public Dataset(DatasetFacts facts) {
        this.seriesKey = facts.seriesKey();
        this.name = facts.name();
        this.versionNumber = facts.versionNumber();
        this.description = facts.description();
        this.source = facts.source();
        this.kind = facts.kind();
        this.contentType = facts.contentType();
        this.createdById = facts.createdById();
        this.createdAt = facts.createdAt();
        this.contentHash = facts.contentHash();
        this.instrumentCount = facts.instrumentCount();
        this.industryCount = facts.industryCount();
        this.dayCount = facts.dayCount();
        this.rowCount = facts.rowCount();
        this.firstDate = facts.firstDate();
        this.lastDate = facts.lastDate();
        this.marketIndexMethod = facts.marketIndexMethod();
        this.industryIndexMethod = facts.industryIndexMethod();
        this.contentBytes = facts.contentBytes();
        this.cleaningSummary = facts.cleaningSummary();
        this.cleaningReport = facts.cleaningReportJson();
        this.priceForm = facts.priceForm();
        this.reportingLagDays = facts.reportingLagDays();
        this.fundamentalsPointInTime = facts.fundamentalsPointInTime();
    }

    public String getSeriesKey() { return seriesKey; }

    public String getName() { return name; }

    public int getVersionNumber() { return versionNumber; }

    public String getDescription() { return description; }

    public String getSource() { return source; }

    public DatasetKind getKind() { return kind; }

    public DatasetContentType getContentType() { return contentType; }

    public String getFrequency() { return frequency; }

    public DatasetStatus getStatus() { return status; }

    public Long getCreatedById() { return createdById; }

    public Instant getCreatedAt() { return createdAt; }

    public String getContentHash() { return contentHash; }

    public int getInstrumentCount() { return instrumentCount; }

    public int getIndustryCount() { return industryCount; }

    public int getDayCount() { return dayCount; }

    public long getRowCount() { return rowCount; }

    public LocalDate getFirstDate() { return firstDate; }

    public LocalDate getLastDate() { return lastDate; }

    public String getMarketIndexMethod() { return marketIndexMethod; }

    public String getIndustryIndexMethod() { return industryIndexMethod; }

    public long getContentBytes() { return contentBytes; }

    public String getCleaningSummary() { return cleaningSummary; }

    public String getCleaningReport() { return cleaningReport; }

    public String getPriceForm() { return priceForm; }

    public Integer getReportingLagDays() { return reportingLagDays; }

    public boolean isFundamentalsPointInTime() { return fundamentalsPointInTime; }

    public void retire() { this.status = DatasetStatus.RETIRED; }

    public void reactivate() { this.status = DatasetStatus.ACTIVE; }
}

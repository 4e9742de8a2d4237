package org.factorguard.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.factorguard.shared.AbstractEntity;

/**
 * A finished study as stored: who owns it, what it was run on, and a few headline figures for lists. The
 * result document itself lives in {@code report_result} ({@link ReportResultStore}). Immutable once
 * written: a report is the snapshot that share links show.
 */
@Entity
@Table(name = "report")
public class Report extends AbstractEntity {

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    private long portfolioId;

    @Column(name = "job_id", nullable = false, updatable = false)
    private long jobId;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(name = "portfolio_name", nullable = false, updatable = false)
    private String portfolioName;

    @Column(name = "dataset_id", nullable = false, updatable = false)
    private long datasetId;

    @Column(name = "dataset_name", nullable = false, updatable = false)
    private String datasetName;

    @Column(name = "dataset_hash", nullable = false, updatable = false)
    private String datasetHash;

    @Column(name = "synthetic_data", nullable = false, updatable = false)
    private boolean syntheticData;

    @Column(nullable = false, updatable = false)
    private long seed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "result_bytes", nullable = false, updatable = false)
    private long resultBytes;

    @Column(name = "lstm_sharpe", updatable = false)
    private Double lstmSharpe;

    @Column(name = "linear_sharpe", updatable = false)
    private Double linearSharpe;

    @Column(name = "lstm_annual_return", updatable = false)
    private Double lstmAnnualReturn;

    @Column(name = "lstm_max_drawdown", updatable = false)
    private Double lstmMaxDrawdown;

    protected Report() {
    }

    public Report(long ownerId, long portfolioId, long jobId, String title, String portfolioName, long datasetId,
                  String datasetName, String datasetHash, boolean syntheticData, long seed, Instant createdAt,
                  long resultBytes, Double lstmSharpe, Double linearSharpe, Double lstmAnnualReturn,
                  Double lstmMaxDrawdown) {
        this.ownerId = ownerId;
        this.portfolioId = portfolioId;
        this.jobId = jobId;
        this.title = title;
        this.portfolioName = portfolioName;
        this.datasetId = datasetId;
        this.datasetName = datasetName;
        this.datasetHash = datasetHash;
        this.syntheticData = syntheticData;
        this.seed = seed;
        this.createdAt = createdAt;
        this.resultBytes = resultBytes;
        this.lstmSharpe = lstmSharpe;
        this.linearSharpe = linearSharpe;
        this.lstmAnnualReturn = lstmAnnualReturn;
        this.lstmMaxDrawdown = lstmMaxDrawdown;
    }

    public long getOwnerId() { return ownerId; }
    public long getPortfolioId() { return portfolioId; }
    public long getJobId() { return jobId; }
    public String getTitle() { return title; }
    public String getPortfolioName() { return portfolioName; }
    public long getDatasetId() { return datasetId; }
    public String getDatasetName() { return datasetName; }
    public String getDatasetHash() { return datasetHash; }
    public boolean isSyntheticData() { return syntheticData; }
    public long getSeed() { return seed; }
    public Instant getCreatedAt() { return createdAt; }
    public long getResultBytes() { return resultBytes; }
    public Double getLstmSharpe() { return lstmSharpe; }
    public Double getLinearSharpe() { return linearSharpe; }
    public Double getLstmAnnualReturn() { return lstmAnnualReturn; }
    public Double getLstmMaxDrawdown() { return lstmMaxDrawdown; }
}

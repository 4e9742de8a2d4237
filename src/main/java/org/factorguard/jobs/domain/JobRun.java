package org.factorguard.jobs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.factorguard.jobs.service.JobState;
import org.factorguard.shared.AbstractEntity;

/**
 * FactorGuard's record of one background run. State transitions are written by {@link JobRunRepository}'s
 * conditional updates (so that two nodes never both start, or both finish, the same run); this entity
 * is mostly read.
 */
@Entity
@Table(name = "job_run")
public class JobRun extends AbstractEntity {

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(name = "settings_json", nullable = false, updatable = false)
    private String settingsJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    private String stage;

    @Column(nullable = false)
    private double progress;

    private Integer epoch;

    @Column(name = "latest_loss")
    private Double latestLoss;

    @Column(name = "loss_history", nullable = false)
    private String lossHistory;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "result_ref")
    private String resultRef;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "jobrunr_id")
    private String jobRunrId;

    @Column(name = "node_name")
    private String nodeName;

    protected JobRun() {
    }

    public JobRun(long ownerId, String kind, Long subjectId, String title, String settingsJson, Instant createdAt) {
        this.ownerId = ownerId;
        this.kind = kind;
        this.subjectId = subjectId;
        this.title = title;
        this.settingsJson = settingsJson;
        this.state = JobState.QUEUED;
        this.progress = 0;
        this.lossHistory = "[]";
        this.createdAt = createdAt;
    }

    public void assignJobRunrId(String id) {
        this.jobRunrId = id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getKind() {
        return kind;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getTitle() {
        return title;
    }

    public String getSettingsJson() {
        return settingsJson;
    }

    public JobState getState() {
        return state;
    }

    public String getStage() {
        return stage;
    }

    public double getProgress() {
        return progress;
    }

    public Integer getEpoch() {
        return epoch;
    }

    public Double getLatestLoss() {
        return latestLoss;
    }

    public String getLossHistory() {
        return lossHistory;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getResultRef() {
        return resultRef;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getJobRunrId() {
        return jobRunrId;
    }

    public String getNodeName() {
        return nodeName;
    }
}

package org.factorguard.reports.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.identity.service.CurrentUser.UserRef;
import org.factorguard.quant.study.StudyResultJson;
import org.factorguard.reports.domain.Report;
import org.factorguard.reports.domain.ReportRepository;
import org.factorguard.reports.domain.ReportResultStore;
import org.factorguard.reports.domain.ShareAccess;
import org.factorguard.reports.domain.ShareAccessRepository;
import org.factorguard.reports.domain.ShareLink;
import org.factorguard.reports.domain.ShareLinkRepository;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's reports: read, export, share. The security boundary of the feature: every id is
 * checked against the signed-in user, and another user's report (or link) is "not found". A shared report
 * is opened by token only; the token is never stored, only its SHA-256.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** Random bytes per share token (256 bits; at least 128 are required). */
    static final int TOKEN_BYTES = 32;

    private final ReportRepository reports;
    private final ReportResultStore results;
    private final ShareLinkRepository links;
    private final ShareAccessRepository accesses;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ReportHeadlines headlines = new ReportHeadlines();

    public ReportService(ReportRepository reports, ReportResultStore results, ShareLinkRepository links,
                         ShareAccessRepository accesses, CurrentUser currentUser, Clock clock) {
        this.reports = reports;
        this.results = results;
        this.links = links;
        this.accesses = accesses;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in user's reports, newest first. */
    @Transactional(readOnly = true)
    public List<ReportSummary> listMine() {
        return reports.findByOwnerIdOrderByCreatedAtDescIdDesc(currentUser.require().id()).stream()
                .map(ReportService::summary).toList();
    }

    /**
     * The Reports page: the user's own reports and the reports shared with them that they have opened through a
     * link that still works (neither revoked nor expired), newest first, each with its headline figures.
     */
    @Transactional(readOnly = true)
    public List<ReportListing> listReports() {
        UserRef me = currentUser.require();
        List<ReportListing> out = new ArrayList<>();
        for (Report r : reports.findByOwnerIdOrderByCreatedAtDescIdDesc(me.id())) {
            out.add(headlines.listing(r, null, () -> resultJson(r)));
        }
        Map<Long, ShareLink> shared = sharedWith(me.id());
        for (Report r : reports.findAllById(shared.keySet())) {
            if (r.getOwnerId() != me.id()) {
                out.add(headlines.listing(r, shared.get(r.getId()).getCreatedByName(), () -> resultJson(r)));
            }
        }
        out.sort(Comparator.comparing(ReportListing::createdAt).thenComparingLong(ReportListing::id).reversed());
        return out;
    }

    /**
     * Opens again, from the Reports page, a report shared with the user: allowed while a link to it that they
     * opened before still works. Logged as an opening of that link, like {@link #openShared}.
     *
     * @throws NotFoundException for any other report id
     */
    @Transactional
    public SharedReportOpening openSharedAgain(long reportId) {
        UserRef me = currentUser.require();
        Visible v = visible(reportId, me);
        if (v.link() == null) {
            throw new NotFoundException("Report");
        }
        logOpening(v.link(), me);
        return new SharedReportOpening(SharedReportOpening.Outcome.OK, detail(v.report()),
                v.link().getCreatedByName(), v.link().getExpiresAt());
    }

    /**
     * Two to four reports side by side: the user's own and reports shared with them (as on the Reports page).
     * Shared ones are logged as openings of their links.
     *
     * @throws NotFoundException           for an id that is neither (checked before anything else)
     * @throws ValidationProblemException when fewer than two or more than four distinct reports are asked for
     */
    @Transactional
    public ReportComparison compare(List<Long> reportIds) {
        UserRef me = currentUser.require();
        List<Long> ids = reportIds == null ? List.of() : reportIds.stream().distinct().toList();
        List<Visible> chosen = ids.stream().map(id -> visible(id, me)).toList();
        if (chosen.size() < 2 || chosen.size() > 4) {
            throw new ValidationProblemException("reports", "Select 2 to 4 reports to compare");
        }
        List<ReportComparison.Compared> compared = new ArrayList<>();
        for (Visible v : chosen) {
            if (v.link() != null) {
                logOpening(v.link(), me);
            }
            Report r = v.report();
            String json = resultJson(r);
            compared.add(new ReportComparison.Compared(r.getId(), r.getTitle(), r.getPortfolioName(),
                    r.getDatasetName(), r.getCreatedAt(), v.link() == null ? null : v.link().getCreatedByName(),
                    headlines.listing(r, null, () -> json).methodVersion(), StudyResultJson.read(json)));
        }
        return new ReportComparison(compared, SettingsDifference.of(compared));
    }

    /** One of the signed-in user's reports with its parsed result. */
    @Transactional(readOnly = true)
    public ReportDetail find(long id) {
        return detail(own(id));
    }

    /** The whole stored result as JSON text (exactly as stored). */
    @Transactional(readOnly = true)
    public String exportJson(long id) {
        return resultJson(own(id));
    }

    /** One table or series of a report as CSV text. */
    @Transactional(readOnly = true)
    public String exportCsv(long id, ReportTable table) {
        return ReportCsv.write(detail(own(id)).result(), table);
    }

    /**
     * Creates a read-only link to one of the user's reports. The returned token is shown once; only its hash
     * is kept.
     *
     * @param expiresAt when the link stops working, or null for never; must lie in the future
     */
    @Transactional
    public CreatedShareLink createLink(long reportId, Instant expiresAt) {
        Report report = own(reportId);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ValidationProblemException("expiresAt", "The expiry must lie in the future");
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UserRef me = currentUser.require();
        ShareLink link = links.save(new ShareLink(report.getId(), hash(token), me.id(), me.displayName(), now,
                expiresAt));
        log.info("Share link {} created for report {} by {}", link.getId(), report.getId(), me.username());
        return new CreatedShareLink(linkSummary(link), token);
    }

    /** The links of one of the user's reports, newest first, each with its openings. */
    @Transactional(readOnly = true)
    public List<ShareLinkSummary> listLinks(long reportId) {
        Report report = own(reportId);
        return links.findByReportIdOrderByCreatedAtDescIdDesc(report.getId()).stream().map(this::linkSummary).toList();
    }

    /** Revokes a link of one of the user's reports; the next opening says "revoked". */
    @Transactional
    public ShareLinkSummary revoke(long linkId) {
        ShareLink link = links.findById(linkId).orElseThrow(() -> new NotFoundException("Share link"));
        own(link.getReportId());
        link.revoke(clock.instant());
        log.info("Share link {} revoked by {}", linkId, currentUser.require().username());
        return linkSummary(link);
    }

    /**
     * Opens a shared report for any signed-in user: the stored snapshot, or why not. Every successful
     * opening is logged with the user and the time.
     */
    @Transactional
    public SharedReportOpening openShared(String token) {
        UserRef me = currentUser.require();
        if (token == null || token.isBlank() || token.length() > 200) {
            return SharedReportOpening.refused(SharedReportOpening.Outcome.NOT_FOUND);
        }
        String presented = hash(token);
        Optional<ShareLink> found = links.findByTokenHash(presented).filter(l -> MessageDigest.isEqual(
                l.getTokenHash().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII)));
        if (found.isEmpty()) {
            return SharedReportOpening.refused(SharedReportOpening.Outcome.NOT_FOUND);
        }
        ShareLink link = found.get();
        Instant now = clock.instant();
        if (link.getRevokedAt() != null) {
            return SharedReportOpening.refused(SharedReportOpening.Outcome.REVOKED);
        }
        if (link.isExpiredAt(now)) {
            return SharedReportOpening.refused(SharedReportOpening.Outcome.EXPIRED);
        }
        Optional<Report> report = reports.findById(link.getReportId());
        if (report.isEmpty()) {
            return SharedReportOpening.refused(SharedReportOpening.Outcome.NOT_FOUND);
        }
        accesses.save(new ShareAccess(link.getId(), me.id(), me.username(), now));
        log.info("Share link {} (report {}) opened by {}", link.getId(), link.getReportId(), me.username());
        return new SharedReportOpening(SharedReportOpening.Outcome.OK, detail(report.get()), link.getCreatedByName(),
                link.getExpiresAt());
    }

    /** SHA-256 of the token's UTF-8 bytes as lower-case hex: what is stored instead of the token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A report the user may read: their own (no link), or one shared with them through a working link. */
    private record Visible(Report report, ShareLink link) {
    }

    private Visible visible(long id, UserRef me) {
        Optional<Report> own = reports.findByIdAndOwnerId(id, me.id());
        if (own.isPresent()) {
            return new Visible(own.get(), null);
        }
        ShareLink link = sharedWith(me.id()).get(id);
        Report report = link == null ? null : reports.findById(id).orElse(null);
        if (report == null) {
            throw new NotFoundException("Report");
        }
        return new Visible(report, link);
    }

    /** Report id → a working link to it that the user has opened (the share-access log knows them). */
    private Map<Long, ShareLink> sharedWith(long userId) {
        Instant now = clock.instant();
        Set<Long> opened = new LinkedHashSet<>();
        accesses.findByUserIdOrderByOpenedAtDescIdDesc(userId).forEach(a -> opened.add(a.getLinkId()));
        Map<Long, ShareLink> byReport = new LinkedHashMap<>();
        for (ShareLink link : links.findAllById(opened)) {
            if (link.getRevokedAt() == null && !link.isExpiredAt(now)) {
                byReport.putIfAbsent(link.getReportId(), link);
            }
        }
        return byReport;
    }

    private void logOpening(ShareLink link, UserRef me) {
        accesses.save(new ShareAccess(link.getId(), me.id(), me.username(), clock.instant()));
        log.info("Share link {} (report {}) opened again by {}", link.getId(), link.getReportId(), me.username());
    }

    private Report own(long id) {
        return reports.findByIdAndOwnerId(id, currentUser.require().id())
                .orElseThrow(() -> new NotFoundException("Report"));
    }

    private String resultJson(Report report) {
        return results.read(report.getId())
                .orElseThrow(() -> new IllegalStateException("The stored result of report " + report.getId()
                        + " is missing"));
    }

    private ReportDetail detail(Report r) {
        return new ReportDetail(r.getId(), r.getTitle(), r.getPortfolioId(), r.getPortfolioName(), r.getJobId(),
                r.getDatasetName(), r.getDatasetHash(), r.isSyntheticData(), r.getSeed(), r.getCreatedAt(),
                StudyResultJson.read(resultJson(r)));
    }

    private ShareLinkSummary linkSummary(ShareLink link) {
        List<ShareLinkSummary.Opening> openings = link.getId() == null ? List.of()
                : accesses.findByLinkIdOrderByOpenedAtDescIdDesc(link.getId()).stream()
                .map(a -> new ShareLinkSummary.Opening(a.getUsername(), a.getOpenedAt())).toList();
        return new ShareLinkSummary(link.getId(), link.getReportId(), link.getCreatedAt(), link.getExpiresAt(),
                link.getRevokedAt(), openings);
    }

    private static ReportSummary summary(Report r) {
        return new ReportSummary(r.getId(), r.getTitle(), r.getPortfolioId(), r.getPortfolioName(), r.getDatasetName(),
                r.getCreatedAt(), r.getLstmSharpe(), r.getLinearSharpe(), r.getLstmAnnualReturn(),
                        r.getLstmMaxDrawdown());
    }
}

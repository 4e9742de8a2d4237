package org.factorguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.identity.service.NewUser;
import org.factorguard.identity.service.UserAdministrationService;
import org.factorguard.jobs.service.JobRunStore;
import org.factorguard.jobs.service.JobService;
import org.factorguard.portfolios.service.FactorScreeningService;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.reports.domain.Report;
import org.factorguard.reports.domain.ReportRepository;
import org.factorguard.reports.domain.ReportResultStore;
import org.factorguard.reports.service.ReportService;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.shared.NotFoundException;
import org.factorguard.support.TestUsers;
import org.factorguard.studies.service.StudyJobHandler;
import org.factorguard.studies.service.StudyRunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Owner isolation at the security boundary (the services): manager Bob asks, by direct service calls, for
 * every kind of object manager Ann owns — and for sequential and guessed ids around them — and gets "not
 * found" (or "access denied" from the admin-only services), never data. A table of (object kind, call) keeps
 * every id-taking method in one place: a new method belongs in the table.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationIT {

    private static final String ANN = "ann-isolation";
    private static final String BOB = "bob-isolation";
    private static final String ADA = "ada-isolation";

    @Autowired PortfolioService portfolios;
    @Autowired FactorScreeningService screening;
    @Autowired JobService jobs;
    @Autowired JobRunStore jobStore;
    @Autowired StudyRunService studyRuns;
    @Autowired ReportService reports;
    @Autowired ReportRepository reportRepository;
    @Autowired ReportResultStore resultStore;
    @Autowired DatasetCatalog catalog;
    @Autowired DatasetAdministrationService datasetAdmin;
    @Autowired UserAdministrationService userAdmin;
    @Autowired UserRepository users;
    @Autowired BuiltInMarket builtInMarket;
    @Autowired org.factorguard.reports.domain.ShareAccessRepository shareAccesses;

    /** Ann's objects, created once for the class. */
    private final Map<String, Long> annsIds = new LinkedHashMap<>();

    @BeforeEach
    void annOwnsOneOfEverything() {
        if (!annsIds.isEmpty()) {
            return;
        }
        TestUsers.ensure(users, ANN, Role.MANAGER);
        TestUsers.ensure(users, BOB, Role.MANAGER);
        TestUsers.ensure(users, ADA, Role.ADMIN);
        long builtIn = builtInMarket.ensurePresent();
        long annId = users.findByUsernameIgnoreCase(ANN).orElseThrow().getId();

        TestUsers.signIn(ADA, Role.ADMIN);
        byte[] csv = DatasetTestFiles.longCsv(6, 300, 77).getBytes(StandardCharsets.UTF_8);
        long retired = datasetAdmin.importLongCsv(new ImportRequest("Isolation retired", "", "retired.csv", csv.length,
                CleaningSettings.defaults()), new ByteArrayInputStream(csv), null).id();
        datasetAdmin.retire(retired);

        TestUsers.signIn(ANN, Role.MANAGER);
        long portfolio = portfolios.create(new PortfolioDraft("Ann's secret book", builtIn,
                PortfolioSettings.defaults().toBuilder().dates(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 12, 31))
                            .build()));
        // A queued study run of Ann's, made in the store so that no worker picks it up.
        long job = jobStore.createQueued(annId, StudyJobHandler.KIND, portfolio, "Study of Ann's secret book", "{}", 10)
                .getId();
        Report report = reportRepository.save(new Report(annId, portfolio, job, "Ann's report", "Ann's secret book",
                builtIn, "Built-in", "0".repeat(64), true, 7, Instant.parse("2030-01-01T00:00:00Z"), 2,
                1.5, 1.0, 0.2, -0.1));
        resultStore.write(report.getId(), "{}");
        long link = reports.createLink(report.getId(), null).link().id();

        annsIds.put("portfolio", portfolio);
        annsIds.put("job", job);
        annsIds.put("report", report.getId());
        annsIds.put("link", link);
        annsIds.put("retired dataset", retired);
        annsIds.put("user", annId);
        TestUsers.signOut();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** Every id-taking call a manager can reach, by the kind of object its id names. */
    private List<Arguments> managerCalls() {
        PortfolioDraft takeover = new PortfolioDraft("Taken over", 1L, PortfolioSettings.defaults());
        List<Arguments> calls = new ArrayList<>();
        call(calls, "portfolio", "PortfolioService.find", id -> portfolios.find(id));
        call(calls, "portfolio", "PortfolioService.update", id -> { portfolios.update(id, takeover); return null; });
        call(calls, "portfolio", "PortfolioService.duplicate", id -> portfolios.duplicate(id));
        call(calls, "portfolio", "PortfolioService.delete", id -> { portfolios.delete(id); return null; });
        call(calls, "portfolio", "PortfolioService.chooseFactors", id
                -> { portfolios.chooseFactors(id, List.of("EP")); return null; });
        call(calls, "portfolio", "PortfolioService.screenFactorsPerFold",
                id -> { portfolios.screenFactorsPerFold(id, List.of("EP")); return null; });
        call(calls, "portfolio", "PortfolioService.planRun", id -> portfolios.planRun(id));
        call(calls, "portfolio", "PortfolioService.dataOf", id -> portfolios.dataOf(id));
        call(calls, "portfolio", "PortfolioService.portfolioFactorAvailability",
                id -> portfolios.portfolioFactorAvailability(id));
        call(calls, "portfolio", "FactorScreeningService.screen", id -> screening.screen(id));
        call(calls, "portfolio", "StudyRunService.portfolioName", id -> studyRuns.portfolioName(id));
        call(calls, "portfolio", "StudyRunService.start", id -> studyRuns.start(id));
        call(calls, "portfolio", "StudyRunService.runsOf", id -> studyRuns.runsOf(id));
        call(calls, "job", "JobService.find", id -> jobs.find(id));
        call(calls, "job", "JobService.cancel", id -> jobs.cancel(id));
        call(calls, "job", "StudyRunService.cancel", id -> studyRuns.cancel(id));
        call(calls, "report", "ReportService.find", id -> reports.find(id));
        call(calls, "report", "ReportService.exportJson", id -> reports.exportJson(id));
        for (ReportTable table : ReportTable.values()) {
            call(calls, "report", "ReportService.exportCsv " + table, id -> reports.exportCsv(id, table));
        }
        call(calls, "report", "ReportService.createLink", id -> reports.createLink(id, null));
        call(calls, "report", "ReportService.listLinks", id -> reports.listLinks(id));
        call(calls, "report", "ReportService.openSharedAgain", id -> reports.openSharedAgain(id));
        call(calls, "report", "ReportService.compare", id -> reports.compare(List.of(id, id)));
        call(calls, "link", "ReportService.revoke", id -> reports.revoke(id));
        call(calls, "retired dataset", "DatasetCatalog.detail", id -> catalog.detail(id));
        call(calls, "retired dataset", "DatasetCatalog.indexSeries", id -> catalog.indexSeries(id));
        call(calls, "retired dataset", "PortfolioService.choicesFor", id -> portfolios.choicesFor(id));
        call(calls, "retired dataset", "PortfolioService.factorAvailability", id -> portfolios.factorAvailability(id));
        call(calls, "retired dataset", "PortfolioService.defaultFactors", id -> portfolios.defaultFactors(id));
        return calls;
    }

    private static void call(List<Arguments> calls, String kind, String name, LongFunction<Object> call) {
        calls.add(Arguments.of(kind, name, call));
    }

    /** Ann's id itself, then its neighbours and ids nobody owns. */
    private List<Long> probes(long annsId) {
        return List.of(annsId, annsId - 1, annsId + 1, 999_999L, Long.MAX_VALUE, 0L, -1L, Long.MIN_VALUE);
    }

    Stream<Arguments> managerCallTable() {
        annOwnsOneOfEverything();
        return managerCalls().stream();
    }

    @ParameterizedTest(name = "{1} on Ann''s {0} and guessed ids")
    @MethodSource("managerCallTable")
    void bob_gets_not_found_for_anns_object_and_for_guessed_ids(String kind, String name, LongFunction<Object> call) {
        TestUsers.signIn(BOB, Role.MANAGER);
        // Neighbours of a dataset id may be active datasets, which every manager may read: only absurd guesses.
        List<Long> ids = kind.equals("retired dataset")
                ? List.of(annsIds.get(kind), 999_999L, Long.MAX_VALUE, 0L, -1L, Long.MIN_VALUE)
                : probes(annsIds.get(kind));
        for (long id : ids) {
            assertThatThrownBy(() -> call.apply(id)).as("%s(%d)", name, id).isInstanceOf(NotFoundException.class);
        }
        // Ann's objects are untouched and still hers.
        TestUsers.signIn(ANN, Role.MANAGER);
        assertThat(portfolios.find(annsIds.get("portfolio")).name()).isEqualTo("Ann's secret book");
        assertThat(reports.listLinks(annsIds.get("report"))).filteredOn(l -> l.id() == annsIds.get("link"))
                .singleElement().satisfies(l -> assertThat(l.revokedAt()).isNull());
        assertThat(jobs.find(annsIds.get("job")).state().isActive()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminUserCalls")
    void bob_is_refused_the_user_administration_for_anns_and_guessed_ids(String name, LongFunction<Object> call) {
        TestUsers.signIn(BOB, Role.MANAGER);
        for (long id : probes(annsIds.get("user"))) {
            assertThatThrownBy(() -> call.apply(id)).as("%s(%d)", name, id).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(users.findByUsernameIgnoreCase(ANN).orElseThrow().isEnabled()).isTrue();
    }

    Stream<Arguments> adminUserCalls() {
        annOwnsOneOfEverything();
        return Stream.of(
                Arguments.of("UserAdministrationService.setEnabled", (LongFunction<Object>) id
                        -> userAdmin.setEnabled(id, false)),
                Arguments.of("UserAdministrationService.changeRole", (LongFunction<Object>) id
                        -> userAdmin.changeRole(id, Role.ADMIN)),
                Arguments.of("UserAdministrationService.resetPassword", (LongFunction<Object>) id -> {
                    userAdmin.resetPassword(id, "a-new-long-password-42");
                    return null;
                }),
                Arguments.of("UserAdministrationService.unlock", (LongFunction<Object>) id -> userAdmin.unlock(id)),
                Arguments.of("DatasetAdministrationService.retire", (LongFunction<Object>) id
                        -> datasetAdmin.retire(id)),
                Arguments.of("DatasetAdministrationService.reactivate", (LongFunction<Object>) id
                        -> datasetAdmin.reactivate(id)));
    }

    @org.junit.jupiter.api.Test
    void malformed_guessed_and_revoked_share_tokens_open_nothing_and_log_nothing() {
        TestUsers.signIn(ANN, Role.MANAGER);
        String token = reports.createLink(annsIds.get("report"), null).token();
        var second = reports.createLink(annsIds.get("report"), null);
        reports.revoke(second.link().id());
        long openingsBefore = shareAccesses.count();

        TestUsers.signIn(BOB, Role.MANAGER);
        char last = token.charAt(token.length() - 1);
        List<String> guesses = new ArrayList<>(java.util.Arrays.asList(null, "", "   ", "x".repeat(201),
                token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), token.toUpperCase(),
                token + " ", "../" + token, "' or 1=1 --", org.springframework.util.DigestUtils.md5DigestAsHex(
                        token.getBytes(StandardCharsets.UTF_8))));
        for (String guess : guesses) {
            assertThat(reports.openShared(guess).outcome()).as(String.valueOf(guess))
                    .isEqualTo(org.factorguard.reports.service.SharedReportOpening.Outcome.NOT_FOUND);
        }
        assertThat(reports.openShared(second.token()).outcome())
                .isEqualTo(org.factorguard.reports.service.SharedReportOpening.Outcome.REVOKED);
        assertThat(reports.openShared(second.token()).report()).isNull();
        assertThat(shareAccesses.count()).as("only successful openings are logged").isEqualTo(openingsBefore);
    }

    @org.junit.jupiter.api.Test
    void lists_show_bob_none_of_anns_objects() {
        TestUsers.signIn(BOB, Role.MANAGER);
        assertThat(portfolios.listMine()).noneMatch(p -> p.id() == annsIds.get("portfolio"));
        assertThat(jobs.listMine()).noneMatch(j -> j.id() == annsIds.get("job"));
        assertThat(reports.listMine()).noneMatch(r -> r.id() == annsIds.get("report"));
        assertThat(reports.listReports()).noneMatch(r -> r.id() == annsIds.get("report"));
        assertThat(catalog.listActive()).noneMatch(d -> d.id() == annsIds.get("retired dataset"));
        assertThatThrownBy(() -> jobs.listAll()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userAdmin.listUsers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userAdmin.createUser(new NewUser("mallory", "Mallory", Role.ADMIN,
                "a-long-enough-password-1"))).isInstanceOf(AccessDeniedException.class);
    }

    @org.junit.jupiter.api.Test
    void the_admin_reads_any_run_and_the_retired_dataset_but_guessed_ids_are_still_not_found() {
        TestUsers.signIn(ADA, Role.ADMIN);
        assertThat(jobs.find(annsIds.get("job")).title()).isEqualTo("Study of Ann's secret book");
        assertThat(catalog.detail(annsIds.get("retired dataset")).instruments()).hasSize(6);
        for (long id : new long[] {999_999L, Long.MAX_VALUE, 0L, -1L}) {
            assertThatThrownBy(() -> jobs.find(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> catalog.detail(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> userAdmin.unlock(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> datasetAdmin.retire(id)).isInstanceOf(NotFoundException.class);
        }
        // Reports and portfolios are private even from the administrator.
        assertThatThrownBy(() -> reports.find(annsIds.get("report"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.find(annsIds.get("portfolio"))).isInstanceOf(NotFoundException.class);
    }
}

package org.factorguard.portfolios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.service.JobService;
import org.factorguard.portfolios.domain.PortfolioRepository;
import org.factorguard.portfolios.service.FactorScreeningService;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.portfolios.service.RunPlan;
import org.factorguard.quant.factors.FactorAvailability;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.FactorSelectionSettings;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class PortfolioServiceIT {

    private static final String ANN = "ann-portfolios";
    private static final String BOB = "bob-portfolios";
    private static final String ADMIN = "ada-portfolios";

    @Autowired
    PortfolioService portfolios;
    @Autowired
    FactorScreeningService screening;
    @Autowired
    PortfolioRepository repository;
    @Autowired
    BuiltInMarket builtInMarket;
    @Autowired
    DatasetAdministrationService datasetAdmin;
    @Autowired
    JobService jobs;
    @Autowired
    UserRepository users;

    long builtIn;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(users, ANN, Role.MANAGER);
        TestUsers.ensure(users, BOB, Role.MANAGER);
        TestUsers.ensure(users, ADMIN, Role.ADMIN);
        builtIn = builtInMarket.ensurePresent();
        TestUsers.signIn(ANN, Role.MANAGER);
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private PortfolioDraft draft(String name, PortfolioSettings settings) {
        return new PortfolioDraft(name, builtIn, settings);
    }

    private static PortfolioSettings shortRange() {
        return PortfolioSettings.defaults().toBuilder().dates(LocalDate.of(2014, 1, 1), LocalDate.of(2020, 12, 31))
                .build();
    }

    private static List<String> problemFields(Runnable call) {
        try {
            call.run();
        } catch (ValidationProblemException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("expected a ValidationProblemException");
    }

    @Test
    void a_portfolio_is_created_read_back_and_listed_for_its_owner() {
        long id = portfolios.create(draft("Growth ideas", shortRange()));

        var detail = portfolios.find(id);
        assertThat(detail.name()).isEqualTo("Growth ideas");
        assertThat(detail.datasetId()).isEqualTo(builtIn);
        assertThat(detail.datasetSynthetic()).isTrue();
        assertThat(detail.datasetHash()).hasSize(64);
        assertThat(detail.settings()).isEqualTo(shortRange());
        assertThat(portfolios.listMine()).extracting(s -> s.name()).contains("Growth ideas");
    }

    @Test
    void each_invalid_field_is_reported_by_name_and_nothing_is_saved() {
        long before = repository.count();
        PortfolioSettings d = PortfolioSettings.defaults();
        record Case(String field, PortfolioDraft draft) {
        }
        List<Case> cases = List.of(
                new Case("name", draft("  ", d)),
                new Case("dataset", new PortfolioDraft("No data", null, d)),
                new Case("dataset", new PortfolioDraft("Unknown data", 987_654L, d)),
                new Case("industries", draft("No industries", d.toBuilder()
                        .universeMode(PortfolioSettings.UniverseMode.INDUSTRIES).industries(List.of()).build())),
                new Case("endDate", draft("Backwards", d.toBuilder()
                        .dates(LocalDate.of(2019, 1, 1), LocalDate.of(2018, 1, 1)).build())),
                new Case("factors", draft("No factors", d.toBuilder().factorIds(List.of()).build())),
                new Case("factors", draft("Bad factor", d.toBuilder().factorIds(List.of("NOT_A_FACTOR")).build())),
                new Case("costBps", draft("Costly", d.toBuilder().costBps(5000).build())),
                new Case("maxWeight", draft("Cap", d.toBuilder().maxWeight(0).build())),
                new Case("lookback", draft("Look-back", d.toBuilder().lookback(1).build())),
                new Case("units", draft("Units", d.toBuilder().units(1000).build())),
                new Case("epochs", draft("Epochs", d.toBuilder().epochs(0).build())),
                new Case("ensembleSize", draft("Seeds", d.toBuilder().ensembleSize(11).build())));
        for (Case c : cases) {
            assertThat(problemFields(() -> portfolios.create(c.draft()))).as(c.draft().name()).contains(c.field());
        }
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void a_name_is_unique_per_owner_but_two_owners_may_share_it() {
        portfolios.create(draft("Same name", shortRange()));
        assertThat(problemFields(() -> portfolios.create(draft("same NAME", shortRange())))).containsExactly("name");
        TestUsers.signIn(BOB, Role.MANAGER);
        assertThat(portfolios.create(draft("Same name", shortRange()))).isPositive();
    }

    @Test
    void an_update_changes_the_settings_and_an_invalid_update_changes_nothing() {
        long id = portfolios.create(draft("To edit", shortRange()));
        PortfolioSettings changed = shortRange().toBuilder().lookback(30).units(16).epochs(4).ensembleSize(2).build();
        portfolios.update(id, draft("Edited", changed));
        assertThat(portfolios.find(id).name()).isEqualTo("Edited");
        assertThat(portfolios.find(id).settings()).isEqualTo(changed);

        assertThat(problemFields(() -> portfolios.update(id, draft("", changed.toBuilder().costBps(-1).build()))))
                .containsExactlyInAnyOrder("name", "costBps");
        assertThat(portfolios.find(id).name()).isEqualTo("Edited");
        assertThat(portfolios.find(id).settings()).isEqualTo(changed);
    }

    @Test
    void duplicates_get_free_copy_names_and_the_same_settings() {
        long id = portfolios.create(draft("Original", shortRange()));
        long first = portfolios.duplicate(id);
        long second = portfolios.duplicate(id);
        assertThat(portfolios.find(first).name()).isEqualTo("Original (copy)");
        assertThat(portfolios.find(second).name()).isEqualTo("Original (copy 2)");
        assertThat(portfolios.find(second).settings()).isEqualTo(portfolios.find(id).settings());
    }

    @Test
    void a_deleted_portfolio_is_gone() {
        long id = portfolios.create(draft("Short-lived", shortRange()));
        portfolios.delete(id);
        assertThatThrownBy(() -> portfolios.find(id)).isInstanceOf(NotFoundException.class);
        assertThat(repository.existsById(id)).isFalse();
    }

    @Test
    void chosen_factors_are_stored_in_order_and_unknown_or_empty_choices_are_refused() {
        long id = portfolios.create(draft("Factors", shortRange()));
        portfolios.chooseFactors(id, List.of("MOM_60", "EP"));
        assertThat(portfolios.find(id).settings().factorIds()).containsExactly("MOM_60", "EP");
        assertThat(problemFields(() -> portfolios.chooseFactors(id, List.of()))).containsExactly("factors");
        assertThat(problemFields(() -> portfolios.chooseFactors(id, List.of("EP", "NOPE")))).containsExactly("factors");
        assertThat(portfolios.find(id).settings().factorIds()).containsExactly("MOM_60", "EP");
    }

    @Test
    void factors_saved_from_the_full_period_screen_are_used_as_picked_and_the_plan_says_they_saw_the_test_period() {
        long id = portfolios.create(draft("Picked", shortRange()));
        assertThat(portfolios.find(id).settings().factorSelection()).isEqualTo(FactorSelectionMode.SCREENED_PER_FOLD);
        assertThat(portfolios.planRun(id).config().factorSelection())
                .isEqualTo(FactorSelectionSettings.screenedPerFold(20));
        assertThat(portfolios.planRun(id).config().factorIds()).isEqualTo(StudyConfig.DEFAULT_CANDIDATES);

        portfolios.chooseFactors(id, List.of("EP", "MOM_60"), true);
        PortfolioSettings picked = portfolios.find(id).settings();
        assertThat(picked.factorSelection()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertThat(picked.factorsFromFullPeriodScreen()).isTrue();
        StudyConfig config = portfolios.planRun(id).config();
        assertThat(config.factorIds()).containsExactly("EP", "MOM_60");
        assertThat(config.factorSelection()).isEqualTo(FactorSelectionSettings.handPicked(true));

        portfolios.update(id, draft("Picked, cheaper", picked.toBuilder().costBps(5).build()));
        assertThat(portfolios.planRun(id).config().factorSelection()).as("an edit of other settings keeps the choice")
                .isEqualTo(FactorSelectionSettings.handPicked(true));

        portfolios.screenFactorsPerFold(id, List.of("EP", "BP", "MOM_60", "VOL_60"));
        PortfolioSettings screened = portfolios.find(id).settings();
        assertThat(screened.factorSelection()).isEqualTo(FactorSelectionMode.SCREENED_PER_FOLD);
        assertThat(screened.factorsFromFullPeriodScreen()).isFalse();
        assertThat(portfolios.planRun(id).config().factorIds()).containsExactly("EP", "BP", "MOM_60", "VOL_60");
        assertThat(problemFields(() -> portfolios.screenFactorsPerFold(id, List.of("MARKET_RETURN"))))
                .containsExactly("factors");
    }

    @Test
    void another_user_gets_not_found_for_every_method_that_takes_a_portfolio_id() {
        long annsId = portfolios.create(draft("Ann's private book", shortRange()));
        long guessed = annsId + 1; // a sequential guess: not Bob's either
        TestUsers.signIn(BOB, Role.MANAGER);
        long bobsOwn = portfolios.create(draft("Bob's book", shortRange()));
        for (long id : new long[] {annsId, guessed == bobsOwn ? bobsOwn + 1 : guessed, 999_999L}) {
            List<Runnable> calls = List.of(
                    () -> portfolios.find(id),
                    () -> portfolios.update(id, draft("Taken over", shortRange())),
                    () -> portfolios.duplicate(id),
                    () -> portfolios.delete(id),
                    () -> portfolios.chooseFactors(id, List.of("EP")),
                    () -> portfolios.chooseFactors(id, List.of("EP"), true),
                    () -> portfolios.screenFactorsPerFold(id, List.of("EP")),
                    () -> portfolios.planRun(id),
                    () -> portfolios.dataOf(id),
                    () -> screening.screen(id));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class);
            }
        }
        assertThat(portfolios.listMine()).extracting(s -> s.name()).containsExactly("Bob's book");
        TestUsers.signIn(ANN, Role.MANAGER);
        assertThat(portfolios.find(annsId).name()).isEqualTo("Ann's private book");
        assertThat(portfolios.find(annsId).settings()).isEqualTo(shortRange());
    }

    @Test
    void a_retired_dataset_cannot_be_chosen_for_a_new_portfolio_but_an_existing_portfolio_keeps_it() {
        TestUsers.signIn(ADMIN, Role.ADMIN);
        byte[] csv = DatasetTestFiles.longCsv(12, 900, 2016).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long small = datasetAdmin.importLongCsv(new ImportRequest("Retiring market", "to be retired", "retiring.csv",
                csv.length, CleaningSettings.defaults()), new java.io.ByteArrayInputStream(csv), (stage, done)
                        -> { }).id();
        TestUsers.signIn(ANN, Role.MANAGER);
        long kept = portfolios.create(new PortfolioDraft("On the old data", small, PortfolioSettings.defaults()));
        TestUsers.signIn(ADMIN, Role.ADMIN);
        datasetAdmin.retire(small);
        TestUsers.signIn(ANN, Role.MANAGER);

        assertThat(portfolios.selectableDatasets()).extracting(d -> d.id()).doesNotContain(small);
        assertThat(problemFields(() -> portfolios.create(
                new PortfolioDraft("New on old data", small, PortfolioSettings.defaults())))).containsExactly(
                        "dataset");
        assertThat(portfolios.find(kept).datasetActive()).isFalse();
        portfolios.update(kept, new PortfolioDraft("Still on the old data", small, PortfolioSettings.defaults()));
        assertThat(portfolios.choicesFor(small).instruments()).hasSize(12);
        TestUsers.signIn(BOB, Role.MANAGER);
        assertThatThrownBy(() -> portfolios.choicesFor(small)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_plan_freezes_the_settings_into_a_study_config_on_the_dataset_version() {
        long id = portfolios.create(draft("Plannable", shortRange()));
        RunPlan plan = portfolios.planRun(id);
        assertThat(plan.portfolioId()).isEqualTo(id);
        assertThat(plan.datasetHash()).isEqualTo(portfolios.find(id).datasetHash());
        assertThat(plan.config()).isEqualTo(shortRange().toStudyConfig());
    }

    @Test
    void absurd_settings_are_refused_by_the_plan_with_a_message_and_nothing_is_submitted() {
        long tooShort = portfolios.create(draft("Three months",
                PortfolioSettings.defaults().toBuilder().dates(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31))
                        .build()));
        long infeasibleCap = portfolios.create(draft("Tiny cap", shortRange().toBuilder().maxWeight(0.005).build()));
        int runsBefore = jobs.listMine().size();

        assertThatThrownBy(() -> portfolios.planRun(tooShort)).isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("trading days selected");
        assertThatThrownBy(() -> portfolios.planRun(infeasibleCap)).isInstanceOf(ValidationProblemException.class)
                .satisfies(e -> assertThat(((ValidationProblemException) e).problems()).isNotEmpty());
        assertThat(jobs.listMine()).hasSize(runsBefore);
    }

    @Test
    void the_sample_portfolio_uses_the_built_in_market_and_can_be_planned_at_once() {
        long first = portfolios.createSample();
        long second = portfolios.createSample();
        assertThat(portfolios.find(first).name()).isEqualTo(PortfolioService.SAMPLE_NAME);
        assertThat(portfolios.find(second).name()).isEqualTo(PortfolioService.SAMPLE_NAME + " (2)");
        assertThat(portfolios.find(first).datasetId()).isEqualTo(builtIn);
        assertThat(portfolios.planRun(first).config().factorIds()).isEqualTo(PortfolioSettings.defaults().factorIds());
    }

    private static Long closeOnly;

    /** A close-only panel of 20 stocks over 1,000 days, imported once (as the administrator). */
    private long closeOnlyDataset() {
        if (closeOnly == null) {
            String csv = DatasetTestFiles.widePanelCsv(20, 1000, 31);
            closeOnly = TestUsers.as(ADMIN, Role.ADMIN, () -> datasetAdmin.importWidePanelCsv(new ImportRequest(
                    "Close-only panel (portfolios)", "", "closes.csv", csv.length(), CleaningSettings.defaults()),
                    DatasetTestFiles.stream(csv), null, null).id());
            TestUsers.signIn(ANN, Role.MANAGER);
        }
        return closeOnly;
    }

    @Test
    void a_new_portfolio_gets_the_default_factors_its_dataset_can_supply() {
        long panel = closeOnlyDataset();

        // Closes alone give the market index (derived), momentum, reversal, volatility, beta, RSI and the moving
        // average; not industries, volume, shares or fundamentals.
        assertThat(portfolios.defaultFactors(panel)).containsExactly("MARKET_RETURN", "MOM_20", "MOM_60", "MOM_120",
                "MOM_12_1", "REV_5", "VOL_20", "VOL_60", "BETA_60", "RSI_14", "DIST_MA_20");
        assertThat(portfolios.defaultFactors(builtIn)).isEqualTo(PortfolioSettings.defaults().factorIds());
        assertThat(portfolios.factorAvailability(panel).why("VOLUME_CHANGE_20").orElseThrow().reason())
                .isEqualTo(FactorAvailability.Reason.MISSING_VOLUME);
        assertThat(portfolios.factorAvailability(panel).why("BP").orElseThrow().reason())
                .isEqualTo(FactorAvailability.Reason.MISSING_FUNDAMENTALS);
        assertThat(portfolios.factorAvailability(builtIn).unavailable()).isEmpty();
    }

    @Test
    void a_plan_refuses_each_factor_the_data_cannot_supply_by_name_and_reason_and_nothing_is_submitted() {
        long id = portfolios.create(new PortfolioDraft("Defaults on closes", closeOnlyDataset(),
                PortfolioSettings.defaults()));
        int runsBefore = jobs.listMine().size();

        assertThatThrownBy(() -> portfolios.planRun(id)).isInstanceOfSatisfying(ValidationProblemException.class,
                e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).containsOnly("factors");
                    // the default candidates, in their order, that need more than closes
                    assertThat(e.problems()).extracting(FieldProblem::message).containsExactly(
                            "The dataset cannot supply INDUSTRY_RETURN (Industry index return): missing industries — "
                                    + "needs an industry classification with at least two industries; every "
                                    + "instrument of the data is in one industry",
                            "The dataset cannot supply EP (Earnings yield (E/P)): missing fundamentals — needs "
                                    + "earnings per share (or P/E), which the data does not have",
                            "The dataset cannot supply BP (Book-to-price (B/P)): missing fundamentals — needs book "
                                    + "value per share (or P/B), which the data does not have",
                            "The dataset cannot supply SIZE (Size (log market cap)): missing fundamentals — needs "
                                    + "shares outstanding, which the data does not have",
                            "The dataset cannot supply LOG_VOLUME (Log volume): missing volume — needs daily volume, "
                                    + "which the data does not have",
                            "The dataset cannot supply VOLUME_CHANGE_20 (Volume vs 20-day mean): missing volume — "
                                    + "needs daily volume, which the data does not have",
                            "The dataset cannot supply TURNOVER (Turnover): missing volume — needs daily volume and "
                                    + "shares outstanding, which the data does not have");
                });
        assertThat(jobs.listMine()).hasSize(runsBefore);
        assertThat(portfolios.portfolioFactorAvailability(id).unavailableAmong(portfolios.find(id).settings()
                .factorIds())).hasSize(7);
    }

    @Test
    void unavailable_factors_cannot_be_chosen_and_available_ones_make_the_plan_pass() {
        long id = portfolios.create(new PortfolioDraft("Choosing on closes", closeOnlyDataset(),
                PortfolioSettings.defaults()));

        assertThat(problemFields(() -> portfolios.chooseFactors(id, List.of("REV_5", "LOG_VOLUME"))))
                .containsExactly("factors");
        assertThat(portfolios.find(id).settings().factorIds()).isEqualTo(PortfolioSettings.defaults().factorIds());

        portfolios.chooseFactors(id, List.of("REV_5", "MOM_60", "VOL_20"));
        assertThat(portfolios.planRun(id).config().factorIds()).containsExactly("REV_5", "MOM_60", "VOL_20");
    }

    @Test
    void a_plan_refuses_factors_without_values_in_the_first_training_window_when_most_stocks_list_late() {
        // 14 stocks, 10 of them listed only on day 700: the first fold trains on days 19-522, where fewer than the
        // 10 stocks cross-sectional preparation needs have a close
        String[] lines = DatasetTestFiles.widePanelCsv(14, 900, 32).split("\n");
        for (int row = 1; row <= 700; row++) {
            String[] cells = lines[row].split(",", -1);
            for (int c = 5; c < cells.length; c++) {
                cells[c] = "";
            }
            lines[row] = String.join(",", cells);
        }
        String csv = String.join("\n", lines) + "\n";
        long panel = TestUsers.as(ADMIN, Role.ADMIN, () -> datasetAdmin.importWidePanelCsv(new ImportRequest(
                "Late listings", "", "late.csv", csv.length(), CleaningSettings.defaults()),
                DatasetTestFiles.stream(csv), null, null).id());
        TestUsers.signIn(ANN, Role.MANAGER);
        long id = portfolios.create(new PortfolioDraft("Late listings", panel, PortfolioSettings.defaults()
                .toBuilder().factorIds(List.of("REV_5", "MOM_60")).factorSelection(FactorSelectionMode.HAND_PICKED)
                .build()));
        long screened = portfolios.create(new PortfolioDraft("Late listings, screened", panel,
                PortfolioSettings.defaults().toBuilder().factorIds(List.of("REV_5", "MOM_60")).build()));

        assertThatThrownBy(() -> portfolios.planRun(id)).isInstanceOfSatisfying(ValidationProblemException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::message).satisfiesExactly(
                        m -> assertThat(m).startsWith("factor REV_5 has no value in the training window of fold 1 "),
                        m -> assertThat(m).startsWith("factor MOM_60 has no value in the training window of fold 1 ")));
        assertThatThrownBy(() -> portfolios.planRun(screened)).isInstanceOfSatisfying(
                ValidationProblemException.class, e -> assertThat(e.problems()).extracting(FieldProblem::message)
                        .satisfiesExactly(m -> assertThat(m).startsWith(
                                "no candidate factor has a value in the training window of fold 1 ")));
    }

    @Test
    void the_screening_report_covers_every_candidate_on_the_portfolio_universe() {
        long id = portfolios.create(draft("Screened", shortRange()));
        var report = screening.screen(id);
        assertThat(report.dates()[0]).isAfterOrEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(report.dates()[report.dates().length - 1]).isBeforeOrEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(report.selected()).isNotEmpty();
    }
}

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
import org.factorguard.jobs.JobTestUsers;
import org.factorguard.jobs.service.JobService;
import org.factorguard.portfolios.domain.PortfolioRepository;
import org.factorguard.portfolios.service.FactorScreeningService;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.portfolios.service.RunPlan;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.FactorSelectionSettings;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
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
        JobTestUsers.ensure(users, ANN, Role.MANAGER);
        JobTestUsers.ensure(users, BOB, Role.MANAGER);
        JobTestUsers.ensure(users, ADMIN, Role.ADMIN);
        builtIn = builtInMarket.ensurePresent();
        JobTestUsers.signIn(ANN, Role.MANAGER);
    }

    @AfterEach
    void tearDown() {
        JobTestUsers.signOut();
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
        JobTestUsers.signIn(BOB, Role.MANAGER);
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
        JobTestUsers.signIn(BOB, Role.MANAGER);
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
        JobTestUsers.signIn(ANN, Role.MANAGER);
        assertThat(portfolios.find(annsId).name()).isEqualTo("Ann's private book");
        assertThat(portfolios.find(annsId).settings()).isEqualTo(shortRange());
    }

    @Test
    void a_retired_dataset_cannot_be_chosen_for_a_new_portfolio_but_an_existing_portfolio_keeps_it() {
        JobTestUsers.signIn(ADMIN, Role.ADMIN);
        byte[] csv = DatasetTestFiles.longCsv(12, 900, 2016).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long small = datasetAdmin.importLongCsv(new ImportRequest("Retiring market", "to be retired", "retiring.csv",
                csv.length, CleaningSettings.defaults()), new java.io.ByteArrayInputStream(csv), (stage, done) -> { }).id();
        JobTestUsers.signIn(ANN, Role.MANAGER);
        long kept = portfolios.create(new PortfolioDraft("On the old data", small, PortfolioSettings.defaults()));
        JobTestUsers.signIn(ADMIN, Role.ADMIN);
        datasetAdmin.retire(small);
        JobTestUsers.signIn(ANN, Role.MANAGER);

        assertThat(portfolios.selectableDatasets()).extracting(d -> d.id()).doesNotContain(small);
        assertThat(problemFields(() -> portfolios.create(
                new PortfolioDraft("New on old data", small, PortfolioSettings.defaults())))).containsExactly("dataset");
        assertThat(portfolios.find(kept).datasetActive()).isFalse();
        portfolios.update(kept, new PortfolioDraft("Still on the old data", small, PortfolioSettings.defaults()));
        assertThat(portfolios.choicesFor(small).instruments()).hasSize(12);
        JobTestUsers.signIn(BOB, Role.MANAGER);
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

    @Test
    void the_screening_report_covers_every_candidate_on_the_portfolio_universe() {
        long id = portfolios.create(draft("Screened", shortRange()));
        var report = screening.screen(id);
        assertThat(report.dates()[0]).isAfterOrEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(report.dates()[report.dates().length - 1]).isBeforeOrEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(report.selected()).isNotEmpty();
    }
}

package org.factorguard.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.factorguard.datasets.domain.DatasetContentType;
import org.factorguard.datasets.domain.DatasetKind;
import org.factorguard.datasets.domain.DatasetRepository;
import org.factorguard.datasets.domain.DatasetStatus;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.DatasetDetail;
import org.factorguard.datasets.service.DatasetImportRefusedException;
import org.factorguard.datasets.service.DatasetProperties;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.datasets.service.DatasetWriter;
import org.factorguard.datasets.service.ImportProgressListener;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.datasets.service.ImportStage;
import org.factorguard.datasets.service.LegacyBuiltInMarket;
import org.factorguard.home.MarketOverviewService;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.quant.data.CleaningResult;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.DataCleaner;
import org.factorguard.quant.data.DatasetHash;
import org.factorguard.quant.data.ImportProblem;
import org.factorguard.quant.data.LongFormatCsvReader;
import org.factorguard.quant.data.MarketData;
import org.factorguard.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The datasets service against the real schema (H2): import, validation, versions, retirement, security, built-in. */
@SpringBootTest(properties = "factorguard.datasets.max-upload-bytes=200KB")
@ActiveProfiles("test")
@WithMockUser(username = "ds-admin", roles = "ADMIN")
class DatasetServiceIT {

    @Autowired DatasetAdministrationService admin;
    @Autowired DatasetCatalog catalog;
    @Autowired BuiltInMarket builtInMarket;
    @Autowired DatasetRepository datasets;
    @Autowired DatasetWriter writer;
    @Autowired DatasetProperties properties;
    @Autowired MarketOverviewService overview;
    @Autowired UserRepository users;
    @Autowired JdbcTemplate jdbc;

    private static final String VALID = DatasetTestFiles.longCsv(4, 40, 11);

    @BeforeEach
    void users() {
        for (String[] u : new String[][] {{"ds-admin", "ADMIN"}, {"ds-manager", "MANAGER"}}) {
            if (!users.existsByUsernameIgnoreCase(u[0])) {
                users.save(new AppUser(u[0], "Test " + u[1].toLowerCase(), "{noop}x", Role.valueOf(u[1]),
                        Instant.EPOCH));
            }
        }
    }

    private static ImportRequest request(String name) {
        return new ImportRequest(name, "test data", name + ".csv", 0, CleaningSettings.defaults());
    }

    private DatasetSummary importLong(String name, String csv) {
        return admin.importLongCsv(request(name), DatasetTestFiles.stream(csv), ImportProgressListener.none());
    }

    private long[] rowCounts() {
        return new long[] {count("dataset"), count("dataset_instrument"), count("dataset_content")};
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void an_imported_file_loads_back_with_identical_values_and_hash() throws Exception {
        String csv = DatasetTestFiles.longCsv(5, 60, 42);
        List<ImportStage> stages = new ArrayList<>();
        DatasetSummary imported = admin.importLongCsv(new ImportRequest("Round trip", "five stocks", "rt.csv",
                        csv.length(), CleaningSettings.defaults()), DatasetTestFiles.stream(csv),
                (stage, fraction) -> stages.add(stage));

        CleaningResult expected = new DataCleaner(CleaningSettings.defaults())
                .clean(new LongFormatCsvReader().read(DatasetTestFiles.stream(csv), "expected"));
        MarketData loaded = catalog.load(imported.id());

        assertThat(loaded.contentHash()).isEqualTo(imported.contentHash()).isEqualTo(expected.cleaned().contentHash())
                .isEqualTo(DatasetHash.of(loaded));
        assertThat(loaded.dates()).isEqualTo(expected.cleaned().dates());
        assertThat(loaded.instruments()).isEqualTo(expected.cleaned().instruments());
        for (int i = 0; i < loaded.instrumentCount(); i++) {
            assertThat(loaded.close()[i]).isEqualTo(expected.cleaned().close()[i]);
            assertThat(loaded.volume()[i]).isEqualTo(expected.cleaned().volume()[i]);
            assertThat(loaded.sharesOutstanding()[i]).isEqualTo(expected.cleaned().sharesOutstanding()[i]);
        }
        assertThat(loaded.marketIndex()).isEqualTo(expected.cleaned().marketIndex());
        assertThat(imported.instrumentCount()).isEqualTo(5);
        assertThat(imported.dayCount()).isEqualTo(60);
        assertThat(imported.rowCount()).isEqualTo(300);
        assertThat(imported.kind()).isEqualTo(DatasetKind.IMPORTED);
        assertThat(imported.createdBy()).isEqualTo("Test admin");
        assertThat(imported.marketIndexMethod()).isEqualTo("CAP_WEIGHTED");
        assertThat(imported.cleaningSummary()).isEqualTo(expected.report().summary());
        assertThat(stages).contains(ImportStage.READING, ImportStage.CLEANING, ImportStage.STORING, ImportStage.DONE);

        DatasetDetail detail = catalog.detail(imported.id());
        assertThat(detail.cleaningReport()).isEqualTo(expected.report());
        assertThat(detail.instruments()).extracting(i -> i.ticker()).containsExactly("T00", "T01", "T02", "T03", "T04");
        assertThat(detail.instruments().get(1).industry()).isEqualTo("Energy");

        // a second load comes from the cache
        long loads = catalog.cacheLoads();
        assertThat(catalog.load(imported.id())).isSameAs(loaded);
        assertThat(catalog.cacheLoads()).isEqualTo(loads);
    }

    @Test
    void a_wide_index_file_becomes_a_dataset_of_index_series_that_is_not_selectable_for_portfolios() {
        DatasetSummary indices = admin.importIndexCsv(request("Benchmarks"),
                DatasetTestFiles.stream(DatasetTestFiles.wideCsv(30)),
                ImportProgressListener.none());
        assertThat(indices.contentType()).isEqualTo(DatasetContentType.INDEX_SERIES);
        assertThat(indices.instrumentCount()).isEqualTo(2);
        assertThat(catalog.load(indices.id()).close()[0][29]).isEqualTo(1000 + 3.0 * 29 + (29 % 3));
        assertThat(catalog.listActive()).extracting(DatasetSummary::id).contains(indices.id());
        assertThat(catalog.listSelectable()).extracting(DatasetSummary::id).doesNotContain(indices.id());
    }

    @Test
    void a_wide_stock_panel_with_an_instrument_list_becomes_a_selectable_stock_dataset() {
        DatasetSummary panel = admin.importWidePanelCsv(request("Close-only panel"),
                DatasetTestFiles.stream(DatasetTestFiles.widePanelCsv(6, 50, 8)),
                DatasetTestFiles.stream(DatasetTestFiles.instrumentListCsv(6)), ImportProgressListener.none());

        assertThat(panel.contentType()).isEqualTo(DatasetContentType.STOCKS);
        assertThat(panel.source()).isEqualTo("Wide stock CSV: Close-only panel.csv");
        assertThat(panel.instrumentCount()).isEqualTo(6);
        assertThat(panel.dayCount()).isEqualTo(50);
        assertThat(panel.marketIndexMethod()).isEqualTo("CAP_WEIGHTED");
        assertThat(catalog.listSelectable()).extracting(DatasetSummary::id).contains(panel.id());
        assertThat(catalog.detail(panel.id()).instruments()).extracting(i -> i.name() + "/" + i.industry())
                .startsWith("Test 0 Inc/Technology", "Test 1 Inc/Energy");
        MarketData data = catalog.load(panel.id());
        assertThat(data.volume()[0]).containsOnly(Double.NaN);
        assertThat(data.sharesOutstanding()[1]).containsOnly(2_000_000.0);
    }

    @Test
    void a_wide_stock_panel_with_a_bad_cell_is_refused_with_its_line_number_and_leaves_no_rows() {
        String csv = DatasetTestFiles.widePanelCsv(6, 50, 9);
        String[] lines = csv.split("\n");
        lines[7] = lines[7].replaceFirst(",[0-9.]+,", ",12.5x,");
        String bad = String.join("\n", lines) + "\n";
        long[] before = rowCounts();

        assertThatThrownBy(() -> admin.importWidePanelCsv(request("Bad panel"), DatasetTestFiles.stream(bad), null,
                ImportProgressListener.none()))
                .isInstanceOfSatisfying(DatasetImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::message).containsExactly("line 8: T00 '12.5x' is not a finite "
                                + "decimal number (use '.' as decimal separator)"));
        assertThat(rowCounts()).containsExactly(before);
    }

    @Test
    void a_wide_stock_panel_whose_list_misses_a_ticker_is_refused_and_leaves_no_rows() {
        String list = DatasetTestFiles.instrumentListCsv(5);
        long[] before = rowCounts();

        assertThatThrownBy(() -> admin.importWidePanelCsv(request("Unlisted panel"),
                DatasetTestFiles.stream(DatasetTestFiles.widePanelCsv(6, 50, 10)), DatasetTestFiles.stream(list),
                ImportProgressListener.none()))
                .isInstanceOfSatisfying(DatasetImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::message).containsExactly(
                                "instrument list, line 1: the closes have 1 ticker(s) the list does not name: T05"));
        assertThat(rowCounts()).containsExactly(before);
    }

    static Stream<Arguments> invalidFiles() {
        String header = "date,ticker,open,high,low,close,volume\n";
        return Stream.of(
                Arguments.of("bad date", header + "2021-01-04,AAA,10,11,9,10,100\n2021-13-05,AAA,10,11,9,10,100\n",
                        "line 3: date"),
                Arguments.of("high below low", header + "2021-01-04,AAA,10,9,11,10,100\n", "line 2:"),
                Arguments.of("negative price", header + "2021-01-04,AAA,10,11,9,-10,100\n", "line 2:"),
                Arguments.of("duplicate row", header + "2021-01-04,AAA,10,11,9,10,100\n2021-01-04,AAA,10,11,9,10,100\n",
                        "line 3:"),
                Arguments.of("unsorted dates", header
                        + "2021-01-05,AAA,10,11,9,10,100\n2021-01-04,AAA,10,11,9,10,100\n", "line 3:"),
                Arguments.of("unknown column",
                        "date,ticker,open,high,low,close,volume,colour\n2021-01-04,AAA,10,11,9,10,100,red\n",
                                "line 1:"),
                Arguments.of("missing column", "date,ticker,open,high,low,volume\n2021-01-04,AAA,10,11,9,100\n",
                        "line 1:"),
                Arguments.of("empty file", "", "line 1:"),
                Arguments.of("too large", DatasetTestFiles.longCsv(20, 200, 3), "line "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void an_invalid_file_is_refused_with_line_numbered_problems_and_leaves_no_rows(String what, String csv,
            String expected) {
        long[] before = rowCounts();
        assertThatThrownBy(() -> importLong("Invalid " + what, csv))
                .isInstanceOfSatisfying(DatasetImportRefusedException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.problems()).allSatisfy(p
                            -> assertThat(p.message()).startsWith("line " + p.line() + ": "));
                    assertThat(e.problems()).extracting(ImportProblem::message).anySatisfy(m
                            -> assertThat(m).startsWith(expected));
                });
        assertThat(rowCounts()).containsExactly(before);
    }

    @Test
    void a_file_in_a_wrong_encoding_is_refused() {
        byte[] latin1 = ("date,ticker,open,high,low,close,volume,name\n"
                + "2021-01-04,AAA,10,11,9,10,100,Soci\u00e9t\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        long[] before = rowCounts();
        assertThatThrownBy(() -> admin.importLongCsv(request("Latin-1"), new java.io.ByteArrayInputStream(latin1),
                ImportProgressListener.none()))
                .isInstanceOfSatisfying(DatasetImportRefusedException.class,
                        e -> assertThat(e.problems().get(0).message()).startsWith("line 2:").containsIgnoringCase(
                                "UTF-8"));
        assertThat(rowCounts()).containsExactly(before);
    }

    @Test
    void a_file_whose_instruments_are_all_dropped_by_cleaning_is_refused() {
        String csv = "date,ticker,open,high,low,close,volume\n2021-01-04,ONLY,10,11,9,10,100\n";
        long[] before = rowCounts();
        assertThatThrownBy(() -> importLong("Nothing left", csv)).isInstanceOf(DatasetImportRefusedException.class)
                .hasMessageContaining("dropped all 1 instruments");
        assertThat(rowCounts()).containsExactly(before);
    }

    @Test
    void an_identical_reimport_is_refused_naming_the_existing_dataset_and_a_correction_becomes_version_two() {
        DatasetSummary first = importLong("Versioned", VALID);
        long[] before = rowCounts();
        assertThatThrownBy(() -> importLong("Another name", VALID)).isInstanceOf(DatasetImportRefusedException.class)
                .hasMessageContaining("identical to dataset 'Versioned' version 1");
        assertThat(rowCounts()).containsExactly(before);

        // a corrected volume on the first row
        String corrected = java.util.regex.Pattern.compile("(?m)^(2021-01-04,T00,[^,]+,[^,]+,[^,]+,[^,]+,)([0-9]+)")
                .matcher(VALID).replaceFirst(m -> m.group(1) + "99");
        DatasetSummary second = importLong("  versioned ", corrected);
        assertThat(second.versionNumber()).isEqualTo(2);
        assertThat(second.contentHash()).isNotEqualTo(first.contentHash());
        assertThat(admin.listAll()).extracting(DatasetSummary::id).containsSubsequence(second.id(), first.id());
    }

    @Test
    void a_retired_dataset_is_not_selectable_but_stays_readable_and_can_be_reactivated() {
        DatasetSummary d = importLong("To retire", DatasetTestFiles.longCsv(3, 30, 5));
        assertThat(catalog.listSelectable()).extracting(DatasetSummary::id).contains(d.id());

        assertThat(admin.retire(d.id()).status()).isEqualTo(DatasetStatus.RETIRED);
        assertThat(catalog.listSelectable()).extracting(DatasetSummary::id).doesNotContain(d.id());
        assertThat(catalog.listActive()).extracting(DatasetSummary::id).doesNotContain(d.id());
        assertThat(catalog.find(d.id())).get().extracting(DatasetSummary::status).isEqualTo(DatasetStatus.RETIRED);
        assertThat(catalog.load(d.id()).contentHash()).isEqualTo(d.contentHash());
        assertThat(catalog.detail(d.id()).summary().id()).isEqualTo(d.id());

        assertThat(admin.reactivate(d.id()).status()).isEqualTo(DatasetStatus.ACTIVE);
        assertThat(catalog.listSelectable()).extracting(DatasetSummary::id).contains(d.id());
    }

    @Test
    @WithMockUser(username = "ds-manager", roles = "MANAGER")
    void a_manager_cannot_import_retire_reactivate_or_list_retired_datasets() {
        long[] before = rowCounts();
        assertThatThrownBy(() -> importLong("By a manager", VALID)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.importIndexCsv(request("By a manager"),
                DatasetTestFiles.stream(DatasetTestFiles.wideCsv(5)),
                ImportProgressListener.none())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.retire(1L)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.reactivate(1L)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.listAll()).isInstanceOf(AccessDeniedException.class);
        assertThat(rowCounts()).containsExactly(before);
    }

    @Test
    void a_manager_opens_active_datasets_but_not_retired_ones() {
        DatasetSummary d = importLong("Manager view", DatasetTestFiles.longCsv(2, 25, 9));
        admin.retire(d.id());
        runAs("ds-manager", "MANAGER", () -> {
            assertThatThrownBy(() -> catalog.detail(d.id())).isInstanceOf(NotFoundException.class);
            assertThat(catalog.listActive()).extracting(DatasetSummary::id).doesNotContain(d.id());
        });
        admin.reactivate(d.id());
        runAs("ds-manager", "MANAGER", ()
                -> assertThat(catalog.detail(d.id()).summary().name()).isEqualTo("Manager view"));
    }

    @Test
    void the_built_in_market_is_stored_once_even_when_two_nodes_seed_it_at_the_same_time() throws Exception {
        assertThat(overview.marketIndex().isEmpty()).isEqualTo(catalog.builtIn().isEmpty());
        // a built-in market of generator version 1, stored before this version existed, stays as it is
        long legacy = LegacyBuiltInMarket.store(writer);
        DatasetSummary legacyBefore = catalog.find(legacy).orElseThrow();
        assertThat(catalog.builtIn()).as("version 1 is not the current built-in market").isEmpty();
        // two nodes = two independent seeders sharing the database
        BuiltInMarket otherNode = new BuiltInMarket(datasets, writer, properties);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> ids = pool.invokeAll(
                    List.<Callable<Long>>of(builtInMarket::ensurePresent, otherNode::ensurePresent));
            assertThat(ids.get(0).get()).isEqualTo(ids.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        long id = builtInMarket.ensurePresent();
        assertThat(jdbc.queryForObject("select count(*) from dataset where kind = 'SYNTHETIC'", Long.class))
                .isEqualTo(2);
        DatasetSummary builtIn = catalog.builtIn().orElseThrow();
        assertThat(builtIn.id()).isEqualTo(id).isNotEqualTo(legacy);
        assertThat(builtIn.name()).isEqualTo("Built-in synthetic market (generator v3, seed 20250108)")
                .isEqualTo(BuiltInMarket.name());
        assertThat(builtIn.versionNumber()).as("a new dataset, not a new version of the old one").isEqualTo(1);
        assertThat(builtIn.source()).contains("generator v3");
        DatasetSummary legacyAfter = catalog.find(legacy).orElseThrow();
        assertThat(legacyAfter).usingRecursiveComparison().isEqualTo(legacyBefore);
        assertThat(DatasetHash.of(catalog.load(legacy))).isEqualTo(legacyBefore.contentHash());
        assertThat(builtIn.isSynthetic()).isTrue();
        assertThat(builtIn.createdBy()).isEqualTo("FactorGuard (built-in)");
        assertThat(builtInMarket.state()).isEqualTo(BuiltInMarket.State.READY);
        MarketData market = catalog.load(id);
        assertThat(market.isSynthetic()).isTrue();
        assertThat(market.contentHash()).isEqualTo(builtIn.contentHash());

        MarketOverviewService.IndexSeries home = overview.marketIndex();
        assertThat(home.title()).contains("Built-in synthetic market");
        assertThat(home.note()).startsWith("Synthetic data, not a real market");
        assertThat(home.values()).isEqualTo(market.marketIndex());
    }

    private static void runAs(String user, String role, Runnable action) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                user, "x", List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_"
                        + role))));
        try {
            action.run();
        } finally {
            context.setAuthentication(previous);
        }
    }
}

package org.factorguard.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetImportRefusedException;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.ImportProblem;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A corpus of malformed and hostile CSV files (src/test/resources/org/factorguard/hardening/csv, listed with
 * their expected outcome in corpus.txt; the very large ones are generated here) imported one by one by an
 * administrator: every refused file gets a clear message — non-empty, line-numbered problems where a line is
 * at fault, no stack-trace text — and leaves the dataset tables exactly as they were. The valid variants
 * (CRLF, mixed line ends, BOM, quoted, upper-case header) import; so does a quote inside an unquoted name
 * (Commons CSV reads it literally, and a name is only a label).
 */
@SpringBootTest
@ActiveProfiles("test")
class BadCsvCorpusIT {

    private static final String CORPUS = "/org/factorguard/hardening/csv/";
    private static final String ADMIN = "ada-corpus";

    @Autowired DatasetAdministrationService admin;
    @Autowired UserRepository users;
    @Autowired JdbcTemplate jdbc;

    record CorpusFile(String name, boolean wide, boolean valid, Supplier<InputStream> content) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void signInAsAdmin() {
        TestUsers.ensure(users, ADMIN, Role.ADMIN);
        TestUsers.signIn(ADMIN, Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> files = new ArrayList<>();
        try (InputStream list = Objects.requireNonNull(
                BadCsvCorpusIT.class.getResourceAsStream(CORPUS + "corpus.txt"))) {
            for (String line : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\|");
                String name = parts[0];
                files.add(Arguments.of(new CorpusFile(name, parts[1].equals("wide"), parts[2].equals("imports"),
                        () -> Objects.requireNonNull(BadCsvCorpusIT.class.getResourceAsStream(CORPUS + name), name))));
            }
        }
        files.addAll(generated());
        return files.stream();
    }

    /** Files too large to commit, generated from fixed seeds. */
    private static List<Arguments> generated() {
        String header = "date,ticker,open,high,low,close,volume,name,industry,shares\n";
        return List.of(
                // one 300 kB line: a name far beyond the line-length limit
                Arguments.of(new CorpusFile("generated-huge-line.csv", false, false, () -> text(header
                        + "2021-01-04,T00,1,1,1,1,1," + "A".repeat(300_000) + ",Energy,1\n"))),
                // a 12 MB line without a single line break
                Arguments.of(new CorpusFile("generated-12mb-without-newline.csv", false, false,
                        () -> repeated("9", 12_000_000))),
                // a header with a million columns
                Arguments.of(new CorpusFile("generated-million-columns.csv", false, false,
                        () -> new SequenceInputStream(text("date,ticker,open,high,low,close,volume"),
                                repeated(",x", 1_000_000)))),
                // 10,000 series in a header that still fits the line-length limit: the column limit refuses it
                Arguments.of(new CorpusFile("generated-10k-columns-wide.csv", true, false, () -> text("date"
                        + java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> ",C" + i)
                        .collect(java.util.stream.Collectors.joining()) + "\n2021-01-04"
                        + ",1".repeat(10_000) + "\n"))),
                // a wide file with a million series
                Arguments.of(new CorpusFile("generated-million-columns-wide.csv", true, false,
                        () -> new SequenceInputStream(text("date"), repeated(",S", 1_000_000)))),
                // 8 MB of random bytes
                Arguments.of(new CorpusFile("generated-random-binary.csv", false, false, () -> {
                    byte[] bytes = new byte[8 << 20];
                    new SplittableRandom(42).nextBytes(bytes);
                    return new ByteArrayInputStream(bytes);
                })),
                // 200,000 rows, every one wrong: the problem list stops at the limit
                Arguments.of(new CorpusFile("generated-200k-bad-rows.csv", false, false, () -> text(header
                        + String.join("", Collections.nCopies(200_000, "2021-01-04,T00,x,x,x,x,x,n,i,1\n"))))));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream repeated(String unit, int times) {
        return new ByteArrayInputStream(unit.repeat(times).getBytes(StandardCharsets.US_ASCII));
    }

    private long[] datasetRows() {
        return new long[] {count("dataset"), count("dataset_instrument"), count("dataset_content")};
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    private DatasetSummary importFile(CorpusFile file) throws IOException {
        ImportRequest request = new ImportRequest("Corpus " + file.name(), "hardening corpus", file.name(), 0,
                CleaningSettings.defaults());
        try (InputStream in = file.content().get()) {
            return file.wide() ? admin.importIndexCsv(request, in, null) : admin.importLongCsv(request, in, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_file_is_refused_with_a_clear_message_and_changes_nothing_or_imports_when_valid(CorpusFile file)
            throws IOException {
        long[] before = datasetRows();
        if (file.valid()) {
            DatasetSummary imported = importFile(file);
            assertThat(imported.id()).isPositive();
            assertThat(datasetRows()[0]).isEqualTo(before[0] + 1);
            return;
        }
        try {
            DatasetSummary imported = importFile(file);
            fail("%s was imported as dataset %d", file.name(), imported.id());
        } catch (DatasetImportRefusedException e) {
            String all = e.getMessage() + "\n"
                    + String.join("\n", e.problems().stream().map(ImportProblem::message).toList());
            System.out.printf("%s -> %s%n", file.name(),
                    all.replace('\n', ' ').substring(0, Math.min(all.length(), 300)));
            assertThat(e.getMessage()).isNotBlank();
            assertClear(all);
            for (ImportProblem problem : e.problems()) {
                assertThat(problem.line()).as(problem.message()).isPositive();
                assertThat(problem.message()).startsWith("line " + problem.line() + ": ");
            }
            if (!e.getMessage().contains("cleaning dropped")) {
                assertThat(e.problems()).as("line-numbered problems of " + file.name()).isNotEmpty();
            }
        } catch (ValidationProblemException e) {
            System.out.printf("%s -> %s%n", file.name(), e.getMessage());
            assertThat(e.getMessage()).isNotBlank();
            assertClear(e.getMessage());
        }
        assertThat(datasetRows()).as("dataset, dataset_instrument, dataset_content rows").containsExactly(before);
    }

    private static void assertClear(String message) {
        assertThat(message).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("at java.").doesNotContainIgnoringCase("null");
    }

    @Test
    void the_corpus_holds_at_least_forty_hostile_files() throws IOException {
        assertThat(corpus().map(a -> (CorpusFile) a.get()[0]).filter(f -> !f.valid())).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void a_path_in_the_file_name_is_only_a_label() throws IOException {
        String traversal = "../../../../etc/passwd.csv";
        byte[] csv = org.factorguard.datasets.DatasetTestFiles.longCsv(4, 120, 9090).getBytes(StandardCharsets.UTF_8);
        DatasetSummary imported = admin.importLongCsv(new ImportRequest("Traversal label", "", traversal, csv.length,
                CleaningSettings.defaults()), new ByteArrayInputStream(csv), null);
        assertThat(imported.source()).endsWith(traversal);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/etc/passwd.csv"))).isFalse();
    }
}

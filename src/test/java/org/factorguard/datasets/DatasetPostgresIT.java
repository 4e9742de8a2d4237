package org.factorguard.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import org.factorguard.datasets.domain.DatasetContentStore;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.DatasetImportRefusedException;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.datasets.service.ImportProgressListener;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.DatasetHash;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The V2 migration and the dataset store on real PostgreSQL 17 (embedded): Flyway migrates, Hibernate
 * validates the mapping, bytea chunks round-trip exactly, and the unique keys refuse duplicates.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "pg-admin", roles = "ADMIN")
class DatasetPostgresIT {

    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Autowired DatasetAdministrationService admin;
    @Autowired DatasetCatalog catalog;
    @Autowired BuiltInMarket builtInMarket;
    @Autowired UserRepository users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void datasets_migrate_store_and_load_exactly_on_postgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        if (!users.existsByUsernameIgnoreCase("pg-admin")) {
            users.save(new AppUser("pg-admin", "PG admin", "{noop}x", Role.ADMIN, Instant.EPOCH));
        }
        String csv = DatasetTestFiles.longCsv(6, 50, 77);
        DatasetSummary imported = admin.importLongCsv(new ImportRequest("PG round trip", "", "pg.csv", csv.length(),
                CleaningSettings.defaults()), DatasetTestFiles.stream(csv), ImportProgressListener.none());
        MarketData loaded = catalog.load(imported.id());
        assertThat(DatasetHash.of(loaded)).isEqualTo(imported.contentHash());
        assertThat(catalog.detail(imported.id()).cleaningReport().instrumentsKept()).isEqualTo(6);
        assertThat(catalog.detail(imported.id()).instruments()).hasSize(6);

        long[] before = {count("dataset"), count("dataset_content")};
        assertThatThrownBy(() -> admin.importLongCsv(
                new ImportRequest("Again", "", "pg.csv", 0, CleaningSettings.defaults()),
                DatasetTestFiles.stream(csv), ImportProgressListener.none()))
                .isInstanceOf(DatasetImportRefusedException.class).hasMessageContaining("'PG round trip' version 1");
        assertThat(new long[] {count("dataset"), count("dataset_content")}).containsExactly(before);
    }

    @Test
    void the_built_in_market_is_stored_in_several_chunks_and_reads_back_bit_for_bit() {
        long id = builtInMarket.ensurePresent();
        assertThat(builtInMarket.ensurePresent()).isEqualTo(id);
        Long chunks = jdbc.queryForObject("select count(*) from dataset_content where dataset_id = ?", Long.class, id);
        Long bytes = jdbc.queryForObject("select content_bytes from dataset where id = ?", Long.class, id);
        assertThat(chunks).isEqualTo((bytes + DatasetContentStore.CHUNK_BYTES - 1) / DatasetContentStore.CHUNK_BYTES);
        MarketData loaded = catalog.load(id);
        assertThat(DatasetHash.of(loaded)).isEqualTo(DatasetHash.of(SyntheticMarket.generateDefault()))
                .isEqualTo(catalog.find(id).orElseThrow().contentHash());
        assertThat(loaded.trueRegimes()).isNotNull();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

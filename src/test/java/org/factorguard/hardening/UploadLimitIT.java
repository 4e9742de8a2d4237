package org.factorguard.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetImportRefusedException;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The upload size limit is enforced by the import itself (not only by the upload component), whatever size the
 * caller claims: with a 64 KB limit, a 200 KB file that claims to be small is refused and nothing is stored.
 */
@SpringBootTest(properties = "factorguard.datasets.max-upload-bytes=64KB")
@ActiveProfiles("test")
class UploadLimitIT {

    @Autowired DatasetAdministrationService admin;
    @Autowired UserRepository users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_file_over_the_limit_is_refused_with_a_message_and_nothing_is_stored() {
        TestUsers.ensure(users, "ada-limit", Role.ADMIN);
        TestUsers.signIn("ada-limit", Role.ADMIN);
        byte[] big = DatasetTestFiles.longCsv(10, 300, 31).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(64 * 1024);
        Long before = jdbc.queryForObject("select count(*) from dataset", Long.class);

        assertThatThrownBy(() -> admin.importLongCsv(new ImportRequest("Too big", "", "big.csv", 10,
                CleaningSettings.defaults()), new ByteArrayInputStream(big), null))
                .isInstanceOf(DatasetImportRefusedException.class)
                .satisfies(e -> assertThat(((DatasetImportRefusedException) e).problems().toString())
                        .containsIgnoringCase("limit").doesNotContain("Exception"));
        assertThat(jdbc.queryForObject("select count(*) from dataset", Long.class)).isEqualTo(before);

        byte[] small = DatasetTestFiles.longCsv(4, 120, 32).getBytes(StandardCharsets.UTF_8);
        assertThat(small.length).isLessThan(64 * 1024);
        assertThat(admin.importLongCsv(new ImportRequest("Small enough", "", "small.csv", small.length,
                CleaningSettings.defaults()), new ByteArrayInputStream(small), null).id()).isPositive();
    }
}

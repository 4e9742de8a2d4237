package org.factorguard.identity;

import org.factorguard.support.EmbeddedPostgresServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Identity on a real PostgreSQL 17 (embedded binaries) with the same Flyway migrations. */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
@Import(IdentityContractTests.FixedClock.class)
class IdentityPostgresIT extends IdentityContractTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.newDatabase("identity");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}

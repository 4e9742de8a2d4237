package org.factorguard.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Identity on the default embedded H2 database with the Flyway schema. */
@SpringBootTest
@ActiveProfiles("test")
@Import(IdentityContractTests.FixedClock.class)
class IdentityH2IT extends IdentityContractTests {
}

package org.factorguard.jobs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the test-only run kinds (the product has no demo kind). */
@TestConfiguration(proxyBeanMethods = false)
public class TestJobKinds {

    @Bean
    CountingJobHandler countingJobHandler() {
        return new CountingJobHandler();
    }

    @Bean
    HangingJobHandler hangingJobHandler() {
        return new HangingJobHandler();
    }
}

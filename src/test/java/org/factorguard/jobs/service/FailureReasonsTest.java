package org.factorguard.jobs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    @Test
    void out_of_memory_is_explained_with_a_way_out() {
        assertThat(FailureReasons.describe(new OutOfMemoryError("Java heap space"))).isEqualTo(
                FailureReasons.OUT_OF_MEMORY);
    }

    @Test
    void messages_written_for_people_are_kept_as_one_capitalised_line() {
        assertThat(FailureReasons.describe(
                new IllegalStateException("LSTM training diverged: the loss became NaN in epoch 3\n\tat x.y")))
                .isEqualTo("LSTM training diverged: the loss became NaN in epoch 3");
        assertThat(FailureReasons.describe(new JobFailedException("no allocation satisfies the 10 % volatility limit")))
                .isEqualTo("No allocation satisfies the 10 % volatility limit");
    }

    @Test
    void technical_exceptions_are_named_but_not_dumped() {
        String reason = FailureReasons.describe(new NullPointerException("Cannot invoke \"x.y()\" because z is null"));
        assertThat(reason).contains("NullPointerException").doesNotContain("Cannot invoke");
    }

    @Test
    void wrappers_are_unwrapped_to_the_real_problem() {
        assertThat(FailureReasons.describe(new InvocationTargetException(new OutOfMemoryError())))
                .isEqualTo(FailureReasons.OUT_OF_MEMORY);
    }

    @Test
    void very_long_messages_are_cut() {
        assertThat(FailureReasons.describe(new IllegalArgumentException("x".repeat(5000)))).hasSize(
                FailureReasons.MAX_LENGTH);
    }
}

package org.factorguard.jobs.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DatabaseCancellationTokenTest {

    @Test
    void the_database_is_asked_at_most_once_per_poll_interval_and_a_cancel_sticks() {
        JobRunStore store = mock(JobRunStore.class);
        AtomicLong nanos = new AtomicLong(0);
        DatabaseCancellationToken token = new DatabaseCancellationToken(7, store, 250_000_000L, nanos::get);
        when(store.isCancelRequested(7)).thenReturn(false);

        for (int i = 0; i < 100; i++) {
            assertThat(token.isCancellationRequested()).isFalse();
        }
        verify(store, times(1)).isCancelRequested(7);

        when(store.isCancelRequested(7)).thenReturn(true);
        nanos.addAndGet(100_000_000L);
        assertThat(token.isCancellationRequested()).isFalse(); // still cached
        nanos.addAndGet(150_000_000L);
        assertThat(token.isCancellationRequested()).isTrue();
        when(store.isCancelRequested(7)).thenReturn(false);
        nanos.addAndGet(1_000_000_000L);
        assertThat(token.isCancellationRequested()).isTrue();
        assertThat(token.wasCancelled()).isTrue();
        verify(store, times(2)).isCancelRequested(7);
    }
}

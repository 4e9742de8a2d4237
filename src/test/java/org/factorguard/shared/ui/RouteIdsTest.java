package org.factorguard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factorguard.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class RouteIdsTest {

    @Test
    void a_decimal_id_is_read() {
        assertThat(RouteIds.parse("42", "Report")).isEqualTo(42L);
        assertThat(RouteIds.parse("999999999999999999", "Report")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void a_missing_malformed_signed_or_too_long_id_is_not_found() {
        for (String raw : new String[] {null, "", "abc", "12a", "-1", "+1", " 1", "99999999999999999999"}) {
            assertThatThrownBy(() -> RouteIds.parse(raw, "Report")).as(String.valueOf(raw))
                    .isInstanceOf(NotFoundException.class).hasMessage("Report not found");
        }
    }
}

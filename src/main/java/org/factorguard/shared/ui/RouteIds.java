package org.factorguard.shared.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.OptionalLong;
import org.factorguard.shared.NotFoundException;

/**
 * Reads the numeric id of a route ({@code reports/:id}, or a {@code HasUrlParameter<String>} value). A
 * missing, malformed or out-of-range id answers "not found", exactly as another user's id does, so a
 * typed URL never ends in an error page.
 */
public final class RouteIds {

    private static final String ID = "id";

    private RouteIds() {
    }

    /** The route's {@code :id}; {@code what} names the object in the "not found" message ("Report"). */
    public static long require(BeforeEnterEvent event, String what) {
        return parse(event.getRouteParameters().get(ID).orElse(null), what);
    }

    /** The route's {@code :id} where a route alias may leave it out (a "new" form). */
    public static OptionalLong optional(BeforeEnterEvent event, String what) {
        return event.getRouteParameters().get(ID).map(raw -> OptionalLong.of(parse(raw, what)))
                .orElse(OptionalLong.empty());
    }

    /** A decimal id of at most 18 digits (no sign), else {@link NotFoundException}. */
    public static long parse(String raw, String what) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFoundException(what);
        }
        return Long.parseLong(raw);
    }
}

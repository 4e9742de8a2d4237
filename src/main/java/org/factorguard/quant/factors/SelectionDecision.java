package org.factorguard.quant.factors;

import java.io.Serializable;

/** Whether the selection rule keeps a factor, with the human-readable reason ("dropped: …" / "selected: …"). */
public record SelectionDecision(String factorId, boolean selected, String reason) implements Serializable {
}

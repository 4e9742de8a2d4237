package org.factorguard.archfixture.alpha.widgets;

/** Fixture for ArchitectureTest: a widget that feature "alpha" declares for other features. */
public class AlphaBadge {
}

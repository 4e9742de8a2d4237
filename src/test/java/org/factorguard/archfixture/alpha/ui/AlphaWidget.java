package org.factorguard.archfixture.alpha.ui;

/** Fixture for ArchitectureTest: a view-internal class of feature "alpha". */
public class AlphaWidget {
}

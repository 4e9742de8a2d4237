package org.factorguard.archfixture.beta.ui;

import java.util.List;
import org.factorguard.archfixture.alpha.ui.AlphaWidget;
import org.factorguard.archfixture.alpha.widgets.AlphaBadge;

/** Fixture for ArchitectureTest: a view of feature "beta" using alpha's declared widget and alpha's ui. */
public class BetaView {

    static List<Class<?>> parts() {
        return List.of(AlphaBadge.class, AlphaWidget.class);
    }
}

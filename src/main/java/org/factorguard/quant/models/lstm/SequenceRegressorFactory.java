package org.factorguard.quant.models.lstm;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import org.factorguard.quant.models.sequence.SequenceRegressor;

/**
 * Creates a fresh, untrained {@link SequenceRegressor} for each {@link LstmImplementation}. Immutable;
 * {@link #with} returns a copy with one more (or a replaced) implementation.
 */
public final class SequenceRegressorFactory {

    private final Map<LstmImplementation, Supplier<? extends SequenceRegressor>> suppliers;

    private SequenceRegressorFactory(Map<LstmImplementation, Supplier<? extends SequenceRegressor>> suppliers) {
        this.suppliers = suppliers;
    }

    /** No implementation registered. */
    public static SequenceRegressorFactory empty() {
        return new SequenceRegressorFactory(new EnumMap<>(LstmImplementation.class));
    }

    /** Both implementations: the fast LSTM (the default) and DL4J's network (the reference). */
    public static SequenceRegressorFactory standard() {
        return empty().with(LstmImplementation.FAST, FastLstmRegressor::new)
                .with(LstmImplementation.DL4J, Dl4jLstmRegressor::new);
    }

    public SequenceRegressorFactory with(LstmImplementation implementation,
            Supplier<? extends SequenceRegressor> supplier) {
        Map<LstmImplementation, Supplier<? extends SequenceRegressor>> copy = new EnumMap<>(LstmImplementation.class);
        copy.putAll(suppliers);
        copy.put(implementation, supplier);
        return new SequenceRegressorFactory(copy);
    }

    public boolean isAvailable(LstmImplementation implementation) {
        return suppliers.containsKey(implementation);
    }

    /** A new untrained regressor. */
    public SequenceRegressor create(LstmImplementation implementation) {
        Supplier<? extends SequenceRegressor> supplier = suppliers.get(implementation);
        if (supplier == null) {
            throw new IllegalStateException("the " + implementation
                    + " LSTM implementation is not available in this build;"
                    + " available: " + suppliers.keySet());
        }
        return supplier.get();
    }
}

package org.factorguard.quant.models.lstm;

import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.factorguard.quant.models.sequence.SequenceRegressor;

/**
 * Creates a fresh, untrained {@link SequenceRegressor} for each {@link LstmImplementation}. Immutable;
 * {@link #with} returns a copy with one more (or a replaced) implementation.
 */
public final class SequenceRegressorFactory {

    /** Class name of the fast LSTM, registered by {@link #standard()} when it is on the class path. */
    static final String FAST_LSTM_CLASS = "org.factorguard.quant.models.lstm.FastLstmRegressor";

    private final Map<LstmImplementation, Supplier<? extends SequenceRegressor>> suppliers;

    private SequenceRegressorFactory(Map<LstmImplementation, Supplier<? extends SequenceRegressor>> suppliers) {
        this.suppliers = suppliers;
    }

    /** No implementation registered. */
    public static SequenceRegressorFactory empty() {
        return new SequenceRegressorFactory(new EnumMap<>(LstmImplementation.class));
    }

    /**
     * DL4J's LSTM, plus the fast LSTM when its class ({@value #FAST_LSTM_CLASS}, public no-argument
     * constructor) is present. The fast one is looked up by name so that this engine builds with or
     * without it.
     */
    public static SequenceRegressorFactory standard() {
        SequenceRegressorFactory factory = empty().with(LstmImplementation.DL4J, Dl4jLstmRegressor::new);
        Optional<Supplier<SequenceRegressor>> fast = constructorOf(FAST_LSTM_CLASS);
        return fast.isPresent() ? factory.with(LstmImplementation.FAST, fast.get()) : factory;
    }

    public SequenceRegressorFactory with(LstmImplementation implementation, Supplier<? extends SequenceRegressor> supplier) {
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
            throw new IllegalStateException("the " + implementation + " LSTM implementation is not available in this build;"
                    + " available: " + suppliers.keySet());
        }
        return supplier.get();
    }

    private static Optional<Supplier<SequenceRegressor>> constructorOf(String className) {
        try {
            Class<? extends SequenceRegressor> type = Class.forName(className).asSubclass(SequenceRegressor.class);
            var constructor = type.getConstructor();
            return Optional.of(() -> {
                try {
                    return constructor.newInstance();
                } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot create " + className, e);
                }
            });
        } catch (ClassNotFoundException | NoSuchMethodException | ClassCastException e) {
            return Optional.empty();
        }
    }
}

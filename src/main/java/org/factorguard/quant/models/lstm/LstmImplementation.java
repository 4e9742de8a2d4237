package org.factorguard.quant.models.lstm;

/** Which {@link org.factorguard.quant.models.sequence.SequenceRegressor} trains the LSTM. */
public enum LstmImplementation {
    /** The hand-written fast LSTM (the default). */
    FAST,
    /** Deeplearning4j's standard LSTM ({@link Dl4jLstmRegressor}), the reference implementation. */
    DL4J
}

package org.factorguard.quant.models.lstm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.factorguard.quant.models.sequence.LstmSettings;

/**
 * The header with which every saved LSTM regressor starts, whatever its implementation (version 2,
 * big-endian, {@link DataOutputStream}): int magic {@code 0x46474C53} ("FGLS"), int version, UTF
 * implementation name ({@link LstmImplementation}), int steps, int features, then the {@link LstmSettings}
 * (int layers, int units, double dropout, double l2, double learningRate, int batchSize, int maxEpochs,
 * int patience, long seed). The implementation's parameters follow.
 *
 * @param steps    sequence length the network was trained on
 * @param features features per step
 */
record SavedLstmHeader(LstmImplementation implementation, int steps, int features, LstmSettings settings) {

    static final int MAGIC = 0x46474C53;
    static final int VERSION = 2;

    void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(implementation.name());
        out.writeInt(steps);
        out.writeInt(features);
        out.writeInt(settings.layers());
        out.writeInt(settings.units());
        out.writeDouble(settings.dropout());
        out.writeDouble(settings.l2());
        out.writeDouble(settings.learningRate());
        out.writeInt(settings.batchSize());
        out.writeInt(settings.maxEpochs());
        out.writeInt(settings.patience());
        out.writeLong(settings.seed());
    }

    /**
     * Reads a header written by {@link #write}.
     *
     * @throws IOException when the stream is not a saved LSTM, has another format version, holds another
     *                     implementation than {@code expected}, or carries impossible values
     */
    static SavedLstmHeader read(DataInputStream in, LstmImplementation expected) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a saved FactorGuard LSTM (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported saved LSTM format version " + version + "; this build reads version "
                    + VERSION);
        }
        String name = in.readUTF();
        LstmImplementation implementation;
        try {
            implementation = LstmImplementation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown LSTM implementation '" + name + "' in the saved header", e);
        }
        if (implementation != expected) {
            throw new IOException("the saved LSTM was trained by the " + implementation + " implementation, not "
                    + expected);
        }
        int steps = in.readInt();
        int features = in.readInt();
        if (steps < 1 || features < 1) {
            throw new IOException("corrupt saved LSTM header: " + steps + " steps × " + features + " features");
        }
        try {
            LstmSettings settings = new LstmSettings(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readInt(), in.readInt(), in.readInt(), in.readLong());
            return new SavedLstmHeader(implementation, steps, features, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt saved LSTM header: " + e.getMessage(), e);
        }
    }
}

package org.factorguard.quant.models.lstm;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.Forecast;
import org.factorguard.quant.models.SequenceInputModel;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceRegressor;

/**
 * Trained LSTM ensemble: the training slice's {@link FeatureScaler}, the look-back and one
 * {@link SequenceRegressor} per seed. The prediction for stock {@code i} on day {@code t} is the mean of the
 * members' outputs on the scaled factor sequence of days {@code t−L+1..t}; the between-member standard
 * deviation is reported as the seed spread.
 *
 * <p>Saved as a zip: {@code model.properties} (format, implementation, look-back, members),
 * {@code scaler.bin}, {@code member-k.bin} (each regressor's own format, for DL4J a ModelSerializer zip).
 * A loaded copy predicts identically.
 */
public final class FittedLstmEnsemble implements SequenceInputModel {

    private static final String FORMAT = "factorguard-lstm-ensemble-1";
    private static final int PREDICTION_CHUNK = 8192;

    private final LstmImplementation implementation;
    private final int lookback;
    private final FeatureScaler scaler;
    private final List<SequenceRegressor> members;
    private final LstmEnsembleFit fit;

    public FittedLstmEnsemble(LstmImplementation implementation, int lookback, FeatureScaler scaler,
                              List<SequenceRegressor> members, LstmEnsembleFit fit) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        this.implementation = implementation;
        this.lookback = lookback;
        this.scaler = scaler;
        this.members = List.copyOf(members);
        this.fit = fit;
    }

    @Override
    public LstmEnsembleFit fit() {
        return fit;
    }

    @Override
    public int lookback() {
        return lookback;
    }

    public FeatureScaler scaler() {
        return scaler;
    }

    public List<SequenceRegressor> members() {
        return members;
    }

    @Override
    public Forecast forecast(FactorPanel panel, int fromDay, int toDay) {
        scaler.requireCompatible(panel);
        if (fromDay < 0 || toDay > panel.dayCount() || toDay < fromDay) {
            throw new IllegalArgumentException("days [" + fromDay + ", " + toDay + ") outside the panel");
        }
        float[][] mean = nanMatrix(toDay - fromDay, panel.instrumentCount());
        float[][] spread = members.size() > 1 ? nanMatrix(toDay - fromDay, panel.instrumentCount()) : null;
        PanelSequenceSource source = PanelSequenceSource.forPrediction(panel, scaler, lookback, fromDay, toDay);
        for (int from = 0; from < source.size(); from += PREDICTION_CHUNK) {
            SequenceBatch batch = source.range(from, Math.min(source.size(), from + PREDICTION_CHUNK));
            double[] sum = new double[batch.size()];
            double[] sumSquares = new double[batch.size()];
            for (SequenceRegressor member : members) {
                float[] p = member.predict(batch);
                for (int i = 0; i < p.length; i++) {
                    sum[i] += p[i];
                    sumSquares[i] += (double) p[i] * p[i];
                }
            }
            int m = members.size();
            for (int i = 0; i < batch.size(); i++) {
                int row = source.day(from + i) - fromDay;
                int column = source.instrument(from + i);
                double average = sum[i] / m;
                mean[row][column] = (float) average;
                if (spread != null) {
                    spread[row][column] = (float) Math.sqrt(Math.max(0, sumSquares[i] / m - average * average));
                }
            }
        }
        return new Forecast(fromDay, mean, spread);
    }

    @Override
    public Samples inputs(FactorPanel panel, int fromDay, int toDay) {
        scaler.requireCompatible(panel);
        if (fromDay < 0 || toDay > panel.dayCount() || toDay < fromDay) {
            throw new IllegalArgumentException("days [" + fromDay + ", " + toDay + ") outside the panel");
        }
        PanelSequenceSource source = PanelSequenceSource.forPrediction(panel, scaler, lookback, fromDay, toDay);
        int[] days = new int[source.size()];
        int[] instruments = new int[source.size()];
        for (int s = 0; s < days.length; s++) {
            days[s] = source.day(s);
            instruments[s] = source.instrument(s);
        }
        return new Samples(days, instruments, source.all());
    }

    /** The members' mean prediction for each sequence, computed as in {@link #forecast}. */
    @Override
    public float[] predictSequences(SequenceBatch batch) {
        double[] sum = new double[batch.size()];
        for (SequenceRegressor member : members) {
            float[] p = member.predict(batch);
            for (int i = 0; i < p.length; i++) {
                sum[i] += p[i];
            }
        }
        float[] mean = new float[batch.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / members.size());
        }
        return mean;
    }

    private static float[][] nanMatrix(int rows, int columns) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) {
            Arrays.fill(row, Float.NaN);
        }
        return m;
    }

    /** Writes the ensemble (settings, scaler, every member's weights); the stream is not closed. */
    public void save(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("implementation", implementation.name());
        properties.setProperty("lookback", Integer.toString(lookback));
        properties.setProperty("members", Integer.toString(members.size()));
        properties.setProperty("trainingSamples", Long.toString(fit.trainingSamples()));
        properties.setProperty("validationSamples", Long.toString(fit.validationSamples()));
        zip.putNextEntry(new ZipEntry("model.properties"));
        properties.store(zip, "FactorGuard LSTM ensemble");
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("scaler.bin"));
        DataOutputStream data = new DataOutputStream(zip);
        scaler.write(data);
        data.flush();
        zip.closeEntry();
        for (int k = 0; k < members.size(); k++) {
            zip.putNextEntry(new ZipEntry("member-" + k + ".bin"));
            members.get(k).save(zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * Reads an ensemble written by {@link #save}; training curves are not stored, so the loaded
     * {@link #fit()} carries only the sample counts.
     */
    public static FittedLstmEnsemble load(InputStream in, SequenceRegressorFactory factory) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        Properties properties = null;
        FeatureScaler scaler = null;
        List<byte[]> memberBytes = new ArrayList<>();
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            byte[] content = zip.readAllBytes();
            switch (entry.getName()) {
                case "model.properties" -> {
                    properties = new Properties();
                    properties.load(new ByteArrayInputStream(content));
                }
                case "scaler.bin" -> scaler =
                        FeatureScaler.read(new DataInputStream(new ByteArrayInputStream(content)));
                default -> {
                    if (entry.getName().startsWith("member-")) {
                        int k = Integer.parseInt(entry.getName().substring(7, entry.getName().length() - 4));
                        while (memberBytes.size() <= k) {
                            memberBytes.add(null);
                        }
                        memberBytes.set(k, content);
                    }
                }
            }
        }
        if (properties == null || scaler == null || !FORMAT.equals(properties.getProperty("format"))) {
            throw new IOException("not a saved FactorGuard LSTM ensemble");
        }
        LstmImplementation implementation = LstmImplementation.valueOf(properties.getProperty("implementation"));
        int memberCount = Integer.parseInt(properties.getProperty("members"));
        if (memberBytes.size() != memberCount || memberBytes.contains(null)) {
            throw new IOException("saved LSTM ensemble is incomplete: expected " + memberCount + " members");
        }
        List<SequenceRegressor> members = new ArrayList<>();
        for (byte[] bytes : memberBytes) {
            SequenceRegressor member = factory.create(implementation);
            member.load(new ByteArrayInputStream(bytes));
            members.add(member);
        }
        double[] noValidation = new double[memberCount];
        Arrays.fill(noValidation, Double.NaN);
        LstmEnsembleFit fit = new LstmEnsembleFit(Long.parseLong(properties.getProperty("trainingSamples")),
                Long.parseLong(properties.getProperty("validationSamples")), List.of(), noValidation);
        return new FittedLstmEnsemble(implementation, Integer.parseInt(properties.getProperty("lookback")), scaler,
                members, fit);
    }
}

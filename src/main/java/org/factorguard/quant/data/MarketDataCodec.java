package org.factorguard.quant.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Binary serialisation of a {@link MarketData}, so that the persistence layer can keep a whole data set
 * version in one BLOB and load it in one read. The round trip is exact: every value keeps its IEEE-754
 * bits (NaN included), and label, content hash, instruments, imported indices and true regimes survive;
 * derived indices and derived P/E, P/B are rebuilt identically on decoding.
 *
 * <h2>Format, version 1</h2>
 * The four ASCII bytes {@code FGMD}, the format version as a big-endian int ({@code 1}), then a zlib
 * ({@link Deflater}) stream holding, in {@link DataOutputStream} encoding:
 * <ol>
 *   <li>label and content hash, each a byte 1 + string or a byte 0 for none (string = int UTF-8 byte
 *       count + bytes);</li>
 *   <li>day count (int), epoch day of each date (long);</li>
 *   <li>instrument count (int), then ticker, name, industry of each;</li>
 *   <li>ten fields in the order close, open, high, low, volume, shares, EPS, BVPS, P/E, P/B; per field and
 *       instrument a byte 0 (all missing) or 1 followed by one 8-byte double per day;</li>
 *   <li>market index: byte 0 (derived) or 1 + one double per day (imported);</li>
 *   <li>industry indices: count (int; 0 when derived), then industry name + one double per day each;</li>
 *   <li>true regimes: byte 0 (none) or 1 + one byte per day ({@link Regime#ordinal()}).</li>
 * </ol>
 * A reader rejects an unknown magic or version with an {@link IllegalArgumentException}.
 */
public final class MarketDataCodec {

    /** Current format version. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'F', 'G', 'M', 'D'};
    private static final int MAX_COUNT = 10_000_000;

    private MarketDataCodec() {
    }

    public static byte[] encode(MarketData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            encode(data, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static MarketData decode(byte[] bytes) {
        try {
            return decode(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid encoded market data set: " + e.getMessage(), e);
        }
    }

    /** Writes the encoded form to {@code sink}; the sink is not closed. */
    public static void encode(MarketData data, OutputStream sink) throws IOException {
        sink.write(MAGIC);
        new DataOutputStream(sink).writeInt(FORMAT_VERSION);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            DeflaterOutputStream deflated = new DeflaterOutputStream(sink, deflater, 1 << 16);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(deflated, 1 << 16));
            writeBody(data, out);
            out.flush();
            deflated.finish();
        } finally {
            deflater.end();
        }
    }

    /** Reads one encoded data set from {@code source}. */
    public static MarketData decode(InputStream source) throws IOException {
        DataInputStream header = new DataInputStream(source);
        byte[] magic = new byte[MAGIC.length];
        header.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("not an encoded market data set (bad magic)");
        }
        int version = header.readInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported market data format version " + version);
        }
        Inflater inflater = new Inflater();
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new InflaterInputStream(source, inflater, 1 << 16), 1 << 16));
            return readBody(in);
        } finally {
            inflater.end();
        }
    }

    private static void writeBody(MarketData data, DataOutputStream out) throws IOException {
        writeOptionalString(out, data.label());
        writeOptionalString(out, data.contentHash());
        int days = data.dayCount();
        out.writeInt(days);
        for (LocalDate d : data.dates()) {
            out.writeLong(d.toEpochDay());
        }
        out.writeInt(data.instrumentCount());
        for (Instrument instrument : data.instruments()) {
            writeString(out, instrument.ticker());
            writeString(out, instrument.name());
            writeString(out, instrument.industry());
        }
        byte[] buffer = new byte[days * Double.BYTES];
        for (double[][] field : fields(data)) {
            for (double[] row : field) {
                if (allNaN(row)) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    writeValues(out, row, buffer);
                }
            }
        }
        if (data.marketIndexMethod() == IndexMethod.IMPORTED) {
            out.writeByte(1);
            writeValues(out, data.marketIndex(), buffer);
        } else {
            out.writeByte(0);
        }
        if (data.industryIndexMethod() == IndexMethod.IMPORTED) {
            out.writeInt(data.industryIndices().size());
            for (var entry : data.industryIndices().entrySet()) {
                writeString(out, entry.getKey());
                writeValues(out, entry.getValue(), buffer);
            }
        } else {
            out.writeInt(0);
        }
        Regime[] regimes = data.trueRegimes();
        if (regimes == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            byte[] ordinals = new byte[regimes.length];
            for (int d = 0; d < regimes.length; d++) {
                ordinals[d] = (byte) regimes[d].ordinal();
            }
            out.write(ordinals);
        }
    }

    private static MarketData readBody(DataInputStream in) throws IOException {
        String label = readOptionalString(in);
        String hash = readOptionalString(in);
        int days = readCount(in, "day");
        LocalDate[] dates = new LocalDate[days];
        for (int d = 0; d < days; d++) {
            dates[d] = LocalDate.ofEpochDay(in.readLong());
        }
        int n = readCount(in, "instrument");
        List<Instrument> instruments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            instruments.add(new Instrument(readString(in), readString(in), readString(in)));
        }
        byte[] buffer = new byte[days * Double.BYTES];
        double[][][] fields = new double[10][n][];
        for (double[][] field : fields) {
            for (int i = 0; i < n; i++) {
                if (in.readByte() == 0) {
                    field[i] = new double[days];
                    Arrays.fill(field[i], Double.NaN);
                } else {
                    field[i] = readValues(in, days, buffer);
                }
            }
        }
        MarketData.Builder builder = MarketData.builder(dates, instruments).label(label).contentHash(hash)
                .close(fields[0]).open(fields[1]).high(fields[2]).low(fields[3]).volume(fields[4])
                .sharesOutstanding(fields[5]).earningsPerShare(fields[6]).bookValuePerShare(fields[7])
                .priceToEarnings(fields[8]).priceToBook(fields[9]);
        if (in.readByte() == 1) {
            builder.marketIndex(readValues(in, days, buffer));
        }
        int industryIndices = in.readInt();
        if (industryIndices < 0 || industryIndices > n) {
            throw new IOException("bad industry index count " + industryIndices);
        }
        for (int k = 0; k < industryIndices; k++) {
            builder.industryIndex(readString(in), readValues(in, days, buffer));
        }
        if (in.readByte() == 1) {
            byte[] ordinals = new byte[days];
            in.readFully(ordinals);
            Regime[] all = Regime.values();
            Regime[] regimes = new Regime[days];
            for (int d = 0; d < days; d++) {
                if (ordinals[d] < 0 || ordinals[d] >= all.length) {
                    throw new IOException("bad regime code " + ordinals[d]);
                }
                regimes[d] = all[ordinals[d]];
            }
            builder.trueRegimes(regimes);
        }
        return builder.build();
    }

    private static double[][][] fields(MarketData data) {
        return new double[][][] {data.close(), data.open(), data.high(), data.low(), data.volume(),
                data.sharesOutstanding(), data.earningsPerShare(), data.bookValuePerShare(),
                data.priceToEarnings(), data.priceToBook()};
    }

    private static boolean allNaN(double[] row) {
        for (double v : row) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static void writeValues(DataOutputStream out, double[] values, byte[] buffer) throws IOException {
        ByteBuffer.wrap(buffer).asDoubleBuffer().put(values);
        out.write(buffer, 0, values.length * Double.BYTES);
    }

    private static double[] readValues(DataInputStream in, int days, byte[] buffer) throws IOException {
        in.readFully(buffer, 0, days * Double.BYTES);
        double[] values = new double[days];
        ByteBuffer.wrap(buffer).asDoubleBuffer().get(values);
        return values;
    }

    private static int readCount(DataInputStream in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_COUNT) {
            throw new IOException("bad " + what + " count " + count);
        }
        return count;
    }

    private static void writeOptionalString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeString(out, s);
        }
    }

    private static String readOptionalString(DataInputStream in) throws IOException {
        return in.readByte() == 0 ? null : readString(in);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = readCount(in, "string byte");
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

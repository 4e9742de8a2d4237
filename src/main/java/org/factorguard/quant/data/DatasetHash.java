package org.factorguard.quant.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Content hash of a {@link MarketData}: the lower-case hex SHA-256 of a canonical binary form, so that
 * two imports of the same data get the same hash whatever the row order, the instrument order or the
 * number formatting of the source ({@code 10.50} and {@code 10.5} parse to the same double).
 *
 * <h2>Canonical form (version 1)</h2>
 * Written with {@link DataOutputStream} (big-endian); a string is its UTF-8 byte count (int) followed by
 * the bytes; a value is the 8 bytes of {@link Double#doubleToLongBits} (so every NaN, i.e. every missing
 * value, is the same 0x7ff8000000000000) after turning −0.0 into 0.0.
 * <ol>
 *   <li>the string {@code "factorguard-market-data/1"};</li>
 *   <li>the day count (int) and every date as its epoch day (long);</li>
 *   <li>the instrument count (int); then per instrument, <b>sorted by ticker</b> (String order):
 *       ticker, name, industry and the ten value rows close, open, high, low, volume, shares outstanding,
 *       EPS, BVPS, P/E, P/B, each one value per day;</li>
 *   <li>the market index: a byte 1 and one value per day when imported, a byte 0 when derived (a derived
 *       index is a function of the rows above);</li>
 *   <li>the imported industry indices sorted by industry: count (int), then name and values per day;</li>
 *   <li>the true regimes: a byte 0 when absent, else 1 and one byte per day (the regime's ordinal).</li>
 * </ol>
 * The label and any stored hash are not part of the content.
 */
public final class DatasetHash {

    static final String CANONICAL_VERSION = "factorguard-market-data/1";

    private DatasetHash() {
    }

    /** SHA-256 (64 lower-case hex characters) of the canonical form of {@code data}. */
    public static String of(MarketData data) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
            writeCanonical(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void writeCanonical(MarketData data, DataOutputStream out) throws IOException {
        writeString(out, CANONICAL_VERSION);
        int days = data.dayCount();
        out.writeInt(days);
        for (var date : data.dates()) {
            out.writeLong(date.toEpochDay());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.instrumentCount(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> data.instruments().get(i).ticker()));
        out.writeInt(order.size());
        double[][][] fields = {data.close(), data.open(), data.high(), data.low(), data.volume(),
                data.sharesOutstanding(), data.earningsPerShare(), data.bookValuePerShare(),
                data.priceToEarnings(), data.priceToBook()};
        for (int i : order) {
            Instrument instrument = data.instruments().get(i);
            writeString(out, instrument.ticker());
            writeString(out, instrument.name());
            writeString(out, instrument.industry());
            for (double[][] field : fields) {
                writeValues(out, field[i]);
            }
        }
        if (data.marketIndexMethod() == IndexMethod.IMPORTED) {
            out.writeByte(1);
            writeValues(out, data.marketIndex());
        } else {
            out.writeByte(0);
        }
        if (data.industryIndexMethod() == IndexMethod.IMPORTED) {
            List<String> industries = data.industryIndices().keySet().stream().sorted().toList();
            out.writeInt(industries.size());
            for (String industry : industries) {
                writeString(out, industry);
                writeValues(out, data.industryIndex(industry));
            }
        } else {
            out.writeInt(0);
        }
        Regime[] regimes = data.trueRegimes();
        if (regimes == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            for (Regime r : regimes) {
                out.writeByte(r.ordinal());
            }
        }
    }

    private static void writeValues(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeLong(Double.doubleToLongBits(v == 0.0 ? 0.0 : v));
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}

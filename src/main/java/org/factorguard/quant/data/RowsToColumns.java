package org.factorguard.quant.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Turns per-instrument rows into the columnar {@code [column][instrument][day]} layout of
 * {@link MarketData}: the dates are the union of all instruments' dates, a day without a row is NaN.
 * Each instrument's row buffers are released as soon as they are copied, so peak memory stays near one
 * copy of the data.
 */
final class RowsToColumns {

    final LocalDate[] dates;
    /** values[column][instrument][day]; null for a column the file does not have. */
    final double[][][] values;

    RowsToColumns(List<InstrumentRows> instruments, int columnCount) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (InstrumentRows rows : instruments) {
            for (int k = 0; k < rows.size; k++) {
                min = Math.min(min, rows.days[k]);
                max = Math.max(max, rows.days[k]);
            }
        }
        if (instruments.isEmpty() || min > max) {
            dates = new LocalDate[0];
            values = new double[columnCount][][];
            return;
        }
        BitSet present = new BitSet((int) (max - min + 1));
        for (InstrumentRows rows : instruments) {
            for (int k = 0; k < rows.size; k++) {
                present.set((int) (rows.days[k] - min));
            }
        }
        int dayCount = present.cardinality();
        dates = new LocalDate[dayCount];
        int[] position = new int[(int) (max - min + 1)];
        int d = 0;
        for (int bit = present.nextSetBit(0); bit >= 0; bit = present.nextSetBit(bit + 1)) {
            dates[d] = LocalDate.ofEpochDay(min + bit);
            position[bit] = d++;
        }
        values = new double[columnCount][][];
        InstrumentRows first = instruments.get(0);
        for (int c = 0; c < columnCount; c++) {
            if (first.columns[c] != null) {
                values[c] = new double[instruments.size()][];
            }
        }
        for (int i = 0; i < instruments.size(); i++) {
            InstrumentRows rows = instruments.get(i);
            for (int c = 0; c < columnCount; c++) {
                if (values[c] == null) {
                    continue;
                }
                double[] row = new double[dayCount];
                Arrays.fill(row, Double.NaN);
                double[] source = rows.columns[c];
                for (int k = 0; k < rows.size; k++) {
                    row[position[(int) (rows.days[k] - min)]] = source[k];
                }
                values[c][i] = row;
            }
            rows.release();
        }
    }
}

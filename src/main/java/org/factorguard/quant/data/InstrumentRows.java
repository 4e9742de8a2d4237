package org.factorguard.quant.data;

import java.util.Arrays;

/**
 * The rows of one instrument while a file is read: growable primitive columns (epoch day plus one
 * double per value column), so that millions of rows cost no object per row.
 */
final class InstrumentRows {

    final String ticker;
    String name = "";
    String industry = "";
    int size;
    int[] days;
    double[][] columns;
    long lastDay = Long.MIN_VALUE;

    /** @param present which value columns the file has (absent ones stay null) */
    InstrumentRows(String ticker, boolean[] present) {
        this.ticker = ticker;
        int capacity = 64;
        this.days = new int[capacity];
        this.columns = new double[present.length][];
        for (int c = 0; c < present.length; c++) {
            if (present[c]) {
                columns[c] = new double[capacity];
            }
        }
    }

    void append(long day, double[] values) {
        if (size == days.length) {
            int capacity = size + (size >> 1) + 16;
            days = Arrays.copyOf(days, capacity);
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] != null) {
                    columns[c] = Arrays.copyOf(columns[c], capacity);
                }
            }
        }
        days[size] = (int) day;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                columns[c][size] = values[c];
            }
        }
        size++;
        lastDay = day;
    }

    /** Frees the buffers once they are copied into the result. */
    void release() {
        days = null;
        columns = null;
    }
}

package org.factorguard.quant.data;

import java.util.Arrays;

/**
 * The median and the MAD of the last {@code window} values added, updated in O(window) per value (a sorted
 * copy shifted with {@link System#arraycopy}), so that a robust scale can be taken at every day of a long
 * history. Medians are the middle value, or the mean of the two middle values (Hipparchus R-7 at 50 %).
 */
final class RollingRobustScale {

    private final double[] sorted;
    private final double[] ring;
    private int count;
    private int head;

    RollingRobustScale(int window) {
        this.sorted = new double[window];
        this.ring = new double[window];
    }

    int count() {
        return count;
    }

    void clear() {
        count = 0;
        head = 0;
    }

    /** Adds a value; the oldest one leaves once the window is full. */
    void add(double x) {
        if (count == ring.length) {
            double oldest = ring[head];
            int at = Arrays.binarySearch(sorted, 0, count, oldest);
            System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
            count--;
            ring[head] = x;
            head = (head + 1) % ring.length;
        } else {
            ring[(head + count) % ring.length] = x;
        }
        int at = Arrays.binarySearch(sorted, 0, count, x);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = x;
        count++;
    }

    double median() {
        if (count == 0) {
            return Double.NaN;
        }
        return (sorted[(count - 1) / 2] + sorted[count / 2]) / 2;
    }

    /** median(|x − median(x)|) by merging the distances on either side of the median, nearest first. */
    double mad() {
        if (count == 0) {
            return Double.NaN;
        }
        double m = median();
        int right = Arrays.binarySearch(sorted, 0, count, m);
        if (right < 0) {
            right = -right - 1;
        }
        int left = right - 1;
        int lowRank = (count - 1) / 2;
        int highRank = count / 2;
        double low = Double.NaN;
        for (int k = 0; k <= highRank; k++) {
            double d;
            if (left < 0) {
                d = sorted[right++] - m;
            } else if (right >= count) {
                d = m - sorted[left--];
            } else if (m - sorted[left] <= sorted[right] - m) {
                d = m - sorted[left--];
            } else {
                d = sorted[right++] - m;
            }
            if (k == lowRank) {
                low = d;
            }
            if (k == highRank) {
                return (low + d) / 2;
            }
        }
        return low;
    }
}

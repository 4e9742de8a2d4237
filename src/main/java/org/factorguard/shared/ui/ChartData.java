package org.factorguard.shared.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns numbers into chart data: a missing or non-finite value becomes JSON null (a gap), and values
 * may be rounded to keep the page small. Rounding here is for transport only, never for display.
 */
public final class ChartData {

    private ChartData() {
    }

    /** The value, or null when it is missing or not finite. */
    public static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The value rounded to {@code decimals} places, or null when it is missing or not finite. */
    public static Double value(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    /** One value per category, null where missing. */
    public static List<Double> values(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(value(v));
        }
        return out;
    }

    /** [date, value] points for a time axis, rounded; days without a finite value are left out. */
    public static List<List<Object>> datedPoints(List<LocalDate> dates, double[] values, int decimals) {
        List<List<Object>> points = new ArrayList<>(dates.size());
        for (int t = 0; t < dates.size(); t++) {
            Double v = value(values[t], decimals);
            if (v != null) {
                points.add(List.of(dates.get(t).toString(), v));
            }
        }
        return points;
    }

    /**
     * [date, value] points for a time axis, rounded, with null where a value is missing (a gap in the
     * line). Long series are thinned by {@link Downsampling} to at most {@code target} points, keeping
     * the first and last day, every bucket's lowest and highest value, and the gaps.
     */
    public static List<List<Object>> datedPointsWithGaps(LocalDate[] dates, double[] values, int decimals,
                                                         int target) {
        int[] days = Downsampling.keptDays(dates.length, List.of(values), target);
        List<List<Object>> points = new ArrayList<>(days.length);
        for (int t : days) {
            points.add(Arrays.asList(dates[t].toString(), value(values[t], decimals)));
        }
        return points;
    }
}

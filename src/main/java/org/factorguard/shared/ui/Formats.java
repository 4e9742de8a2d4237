package org.factorguard.shared.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, percentages and times as every view shows them: locale-independent, and a dash for a value
 * that is missing or not finite. Charts use the same conventions through {@link ChartFormat}.
 */
public final class Formats {

    /** What a missing or non-finite value reads as. */
    public static final String MISSING = "–";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** {@code 1.2345, 2} → "1.23"; negative values keep the ASCII hyphen. */
    public static String number(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : MISSING;
    }

    /** As {@link #number} with a typographic minus sign (U+2212), which lines up in numeric columns. */
    public static String numberWithMinusSign(double v, int decimals) {
        return number(v, decimals).replace('-', '−');
    }

    /** {@code 0.1234, 2} → "12.34 %". */
    public static String percent(double fraction, int decimals) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%." + decimals + "f %%", fraction * 100)
                : MISSING;
    }

    /** {@code 2.345} → "2.3×". */
    public static String multiple(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f×", v) : MISSING;
    }

    /** {@code 0.000123456, 3} → "0.000123": for values whose magnitude varies by orders. */
    public static String significant(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "g", v) : MISSING;
    }

    /** {@code 1234567} → "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1234.56, 1} → "1,234.6". */
    public static String grouped(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : MISSING;
    }

    /** A duration as a grid cell shows it: "", "<1 s", "42 s", "3 min 5 s", "1 h 2 min". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.isZero() ? "" : "<1 s";
        }
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** An instant in the server's time zone, to the minute: "2030-01-01 09:00". */
    public static String dateTime(Instant instant) {
        return MINUTES.format(instant);
    }

    /** An instant in the server's time zone, to the second: "2030-01-01 09:00:05". */
    public static String dateTimeWithSeconds(Instant instant) {
        return SECONDS.format(instant);
    }
}

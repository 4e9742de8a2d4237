package org.factorguard.quant.data;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict parsing of CSV cells shared by the import formats.
 * <ul>
 *   <li>dates: ISO {@code yyyy-MM-dd} only;</li>
 *   <li>numbers: plain decimals {@code [+-]digits[.digits][e[+-]digits]} with '.' as decimal separator; no
 *       thousands separators, no {@code NaN}/{@code Infinity}, no hexadecimal; the value must be finite;</li>
 *   <li>tickers: 1–32 characters of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit;</li>
 *   <li>free text (name, industry): at most 200 characters; text starting with {@code = + - @} (or a tab or
 *       CR) is rejected, because spreadsheet programs would run it as a formula when the data is exported
 *       again (CSV/formula injection).</li>
 * </ul>
 */
final class CsvCells {

    static final long INVALID_DAY = Long.MIN_VALUE;
    private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final int DATE_CACHE_LIMIT = 100_000;
    private static final int MAX_TEXT = 200;

    private final Map<String, Long> dateCache = new HashMap<>();

    /** Epoch day of an ISO date, or {@link #INVALID_DAY}. */
    long epochDay(String cell) {
        Long cached = dateCache.get(cell);
        if (cached != null) {
            return cached;
        }
        long day;
        if (cell.length() != 10 || cell.charAt(4) != '-' || cell.charAt(7) != '-') {
            day = INVALID_DAY;
        } else {
            try {
                day = LocalDate.parse(cell).toEpochDay();
            } catch (DateTimeParseException e) {
                day = INVALID_DAY;
            }
        }
        if (dateCache.size() < DATE_CACHE_LIMIT) {
            dateCache.put(cell, day);
        }
        return day;
    }

    /** The value of a strict decimal cell, or NaN when the cell is not one (or not finite). */
    static double decimal(String cell) {
        int n = cell.length();
        int k = 0;
        if (k < n && (cell.charAt(k) == '+' || cell.charAt(k) == '-')) {
            k++;
        }
        int digits = 0;
        while (k < n && isDigit(cell.charAt(k))) {
            k++;
            digits++;
        }
        if (k < n && cell.charAt(k) == '.') {
            k++;
            while (k < n && isDigit(cell.charAt(k))) {
                k++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (k < n && (cell.charAt(k) == 'e' || cell.charAt(k) == 'E')) {
            k++;
            if (k < n && (cell.charAt(k) == '+' || cell.charAt(k) == '-')) {
                k++;
            }
            int exponentDigits = 0;
            while (k < n && isDigit(cell.charAt(k))) {
                k++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
        }
        if (k != n) {
            return Double.NaN;
        }
        double v = Double.parseDouble(cell);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Why a ticker is not acceptable, or null when it is. */
    static String tickerProblem(String ticker) {
        if (ticker.isEmpty()) {
            return "the ticker is empty";
        }
        if (!TICKER.matcher(ticker).matches()) {
            return "ticker '" + shorten(ticker) + "' is not valid (1–32 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit)";
        }
        return null;
    }

    /** Why a free-text cell is not acceptable, or null when it is. */
    static String textProblem(String column, String text) {
        if (text.length() > MAX_TEXT) {
            return column + " is longer than " + MAX_TEXT + " characters";
        }
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return column + " '" + shorten(text) + "' starts with '" + text.charAt(0)
                    + "', which spreadsheets run as a formula; remove the leading character";
        }
        return null;
    }

    /** A cell as quoted in a message: at most 40 characters. */
    static String shorten(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
    }
}

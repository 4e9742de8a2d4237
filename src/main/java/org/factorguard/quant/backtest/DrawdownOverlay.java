package org.factorguard.quant.backtest;

import java.util.Arrays;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.TrailingReturns;

/**
 * A daily drawdown limit that holds: a cushion rule in the spirit of Grossman &amp; Zhou (1993, "Optimal investment
 * strategies for controlling drawdowns") and constant-proportion portfolio insurance (Black &amp; Perold 1992).
 *
 * <p>At every close t, with equity E<sub>t</sub>, its running peak M<sub>t</sub> and limit L, the cushion is the
 * loss still allowed, C<sub>t</sub> = E<sub>t</sub> − (1 − L)·M<sub>t</sub>, as a fraction of equity
 * c<sub>t</sub> = C<sub>t</sub>/E<sub>t</sub>. The book's tail loss TL<sub>t</sub> is the expected shortfall at
 * {@code tailConfidence} of the h-day compounded returns the current book (the model's weights at full exposure)
 * would have earned over the trailing {@code tailWindow} days (historical simulation on prices up to t; ES as
 * the mean of the returns at or below the R-7 quantile). The target exposure of the whole book is
 * <pre>
 *   x*<sub>t</sub> = min(1, c<sub>t</sub> / (m · TL<sub>t</sub>)),
 *   0 when c<sub>t</sub> ≤ 0, 1 when TL<sub>t</sub> = 0,
 * </pre>
 * i.e. the cushion covers m tail losses of the book over the h closes it stays exposed before a cut takes
 * effect (CPPI with multiplier 1/(m·TL)). The exposure is cut to x*<sub>t</sub> whenever x*<sub>t</sub> is below
 * the current exposure, and raised to it only when x*<sub>t</sub> exceeds the current exposure by the increase
 * band, so re-risking follows the cushion's regrowth without daily churn. Decided at the close of t, traded at
 * the close of t + 1 with costs; what the book does not hold is cash at the risk-free rate.
 */
public final class DrawdownOverlay {

    private final DrawdownOverlaySettings settings;

    public DrawdownOverlay(DrawdownOverlaySettings settings) {
        this.settings = settings;
    }

    public DrawdownOverlaySettings settings() {
        return settings;
    }

    /** x* for equity, peak and tail loss (see the class comment). */
    public double targetExposure(double equity, double peak, double tailLoss) {
        double cushion = 1 - (1 - settings.limit()) * peak / equity;
        if (!(cushion > 0)) {
            return 0.0;
        }
        if (!(tailLoss > 0)) {
            return 1.0;
        }
        return Math.min(1.0, cushion / (settings.multiplier() * tailLoss));
    }

    /** The exposure to hold next: cut to the target at once, raise only beyond the band, else keep. */
    public double nextExposure(double current, double target) {
        if (target < current) {
            return target;
        }
        return target >= current + settings.increaseBand() ? target : current;
    }

    /**
     * The book's tail loss TL at the close of {@code day}: −ES of its h-day returns over the trailing window (0
     * when the book is empty or the window has fewer than 20 returns). A missing asset return counts as 0.
     *
     * @param book  weights at full exposure [instrument]
     * @param close closes [instrument][day] up to {@code day} (only those are read)
     */
    public double tailLoss(double[] book, double[][] close, int day) {
        int nonZero = 0;
        for (double w : book) {
            if (w != 0) {
                nonZero++;
            }
        }
        if (nonZero == 0) {
            return 0.0;
        }
        int[] held = new int[nonZero];
        double[] weights = new double[nonZero];
        for (int i = 0, k = 0; i < book.length; i++) {
            if (book[i] != 0) {
                held[k] = i;
                weights[k++] = book[i];
            }
        }
        int h = settings.horizonDays();
        double[][] window = TrailingReturns.window(close, held, day, settings.tailWindow() + h - 1);
        int days = window.length;
        if (days - h + 1 < 20) {
            return 0.0;
        }
        double[] daily = new double[days];
        for (int s = 0; s < days; s++) {
            double r = 0;
            for (int k = 0; k < nonZero; k++) {
                double x = window[s][k];
                r += Double.isNaN(x) ? 0 : weights[k] * x;
            }
            daily[s] = r;
        }
        double[] horizon = new double[days - h + 1];
        for (int s = h - 1; s < days; s++) {
            double growth = 1;
            for (int k = 0; k < h; k++) {
                growth *= 1 + daily[s - k];
            }
            horizon[s - h + 1] = growth - 1;
        }
        double quantile = PerformanceMetrics.percentile(horizon, 100 * (1 - settings.tailConfidence()));
        double sum = 0;
        int count = 0;
        for (double r : horizon) {
            if (r <= quantile) {
                sum += r;
                count++;
            }
        }
        return Math.max(0.0, -sum / count);
    }

    /** The book without the instruments whose delisting sale comes on or before {@code tradeDay}. */
    static double[] withoutDelisted(double[] book, int[] delistingDay, int tradeDay) {
        double[] out = null;
        for (int i = 0; i < book.length; i++) {
            if (book[i] != 0 && delistingDay[i] <= tradeDay) {
                if (out == null) {
                    out = Arrays.copyOf(book, book.length);
                }
                out[i] = 0;
            }
        }
        return out == null ? book : out;
    }
}

package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.MarketData;

/**
 * Daily close-to-close backtest of a {@link WeightPolicy}.
 *
 * <p><b>Timing (no look-ahead).</b> At the close of each decision day t (the first day {@code startDay}
 * and then every rebalance day of the {@link RebalanceFrequency} up to {@code endDay − 2}) the policy
 * sees data up to t only and returns target weights. They are traded at the close of t + 1, so they
 * first earn the return of day t + 2 (close t + 1 → close t + 2). The return of day t + 1 is still
 * earned by the holdings before the trade. Until the first trade the portfolio is in cash.
 *
 * <p><b>Returns and costs.</b> With h the weights held after the close of day d − 1, the gross return
 * of day d is r<sup>g</sup><sub>d</sub> = Σ h<sub>i</sub>(P<sub>i,d</sub>/P<sub>i,d−1</sub> − 1) (cash earns 0).
 * If a trade executes at the close of d, turnover TO = Σ|w<sup>target</sup><sub>i</sub> −
 * w<sup>drifted</sup><sub>i</sub>| (both sides counted) and the cost c·TO of equity, c = bps/10⁴, is paid
 * then: r<sub>d</sub> = (1 + r<sup>g</sup><sub>d</sub>)(1 − c·TO) − 1. Between trades the weights drift:
 * w<sub>i</sub> ← w<sub>i</sub>(1 + r<sub>i,d</sub>)/(1 + r<sup>g</sup><sub>d</sub>).
 *
 * <p><b>Missing prices</b> are carried forward (a return of 0 on that day); an instrument without any
 * price yet cannot be bought, and a target weight on it is held in cash instead.
 *
 * <p><b>Constraints.</b> Long-only (default): weights must be ≥ 0 with Σw ≤ 1. Long-short: Σ|w| ≤ the
 * gross limit. A violation is a programming error of the policy and throws.
 */
public final class Backtester {

    private static final double WEIGHT_TOLERANCE = 1e-6;

    /**
     * @param frequency  rebalance schedule
     * @param costBps    cost in basis points per unit of turnover
     * @param longShort  allow negative weights
     * @param grossLimit Σ|w| limit for long-short (ignored for long-only, where it is 1)
     */
    public record Settings(RebalanceFrequency frequency, double costBps, boolean longShort, double grossLimit) {

        public Settings {
            if (!(costBps >= 0)) {
                throw new IllegalArgumentException("cost must be non-negative");
            }
        }

        /** Long-only with the given schedule and cost. */
        public static Settings longOnly(RebalanceFrequency frequency, double costBps) {
            return new Settings(frequency, costBps, false, 1.0);
        }
    }

    private final Settings settings;

    public Backtester(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Runs the policy over days [startDay, endDay] of the data.
     *
     * @param startDay first decision day (returns are recorded from startDay + 1)
     * @param endDay   last day (inclusive)
     */
    public BacktestResult run(String name, MarketData data, int startDay, int endDay, WeightPolicy policy) {
        int days = data.dayCount();
        if (startDay < 0 || endDay >= days || endDay < startDay + 2) {
            throw new IllegalArgumentException("need 0 ≤ start, start + 2 ≤ end < " + days + "; got " + startDay + ", " + endDay);
        }
        int n = data.instrumentCount();
        LocalDate[] dates = data.dates();
        double[][] rawClose = data.close();
        double[][] price = carriedForward(rawClose);
        double cost = settings.costBps() / 10_000.0;

        int length = endDay - startDay;
        double[] returns = new double[length];
        double[] equityCurve = new double[length];
        double[] drawdownCurve = new double[length];
        double[] gross = new double[length];
        List<Integer> decisionDays = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        List<Double> turnovers = new ArrayList<>();
        List<Double> costs = new ArrayList<>();

        double[] w = new double[n];
        double equity = 1.0;
        double peak = 1.0;
        double[] pending = decide(policy, startDay, dates, equity, 0.0, w, rawClose, data, price);
        decisionDays.add(startDay);
        targets.add(pending);

        for (int d = startDay + 1; d <= endDay; d++) {
            double rg = 0;
            double[] assetReturn = new double[n];
            for (int i = 0; i < n; i++) {
                double prev = price[i][d - 1];
                double now = price[i][d];
                assetReturn[i] = prev > 0 && now > 0 ? now / prev - 1.0 : 0.0;
                rg += w[i] * assetReturn[i];
            }
            if (1 + rg > 0) {
                for (int i = 0; i < n; i++) {
                    w[i] = w[i] * (1 + assetReturn[i]) / (1 + rg);
                }
            }
            double r = rg;
            if (pending != null) {
                double to = 0;
                for (int i = 0; i < n; i++) {
                    to += Math.abs(pending[i] - w[i]);
                }
                r = (1 + rg) * (1 - cost * to) - 1;
                turnovers.add(to);
                costs.add(cost * to);
                w = pending.clone();
                pending = null;
            }
            equity *= 1 + r;
            peak = Math.max(peak, equity);
            int k = d - startDay - 1;
            returns[k] = r;
            equityCurve[k] = equity;
            drawdownCurve[k] = equity / peak - 1;
            double g = 0;
            for (double v : w) {
                g += Math.abs(v);
            }
            gross[k] = g;
            if (d <= endDay - 2 && settings.frequency().isRebalanceDay(dates, d)) {
                pending = decide(policy, d, dates, equity, equity / peak - 1, w, rawClose, data, price);
                decisionDays.add(d);
                targets.add(pending);
            }
        }
        int[] decided = decisionDays.stream().mapToInt(Integer::intValue).toArray();
        LocalDate[] decidedDates = Arrays.stream(decided).mapToObj(i -> dates[i]).toArray(LocalDate[]::new);
        return new BacktestResult(name, Arrays.copyOfRange(dates, startDay + 1, endDay + 1), returns, equityCurve,
                drawdownCurve, gross, decided, decidedDates, targets.toArray(double[][]::new),
                turnovers.stream().mapToDouble(Double::doubleValue).toArray(),
                costs.stream().mapToDouble(Double::doubleValue).toArray(), settings.costBps(), settings.frequency());
    }

    private double[] decide(WeightPolicy policy, int day, LocalDate[] dates, double equity, double drawdown,
                            double[] current, double[][] rawClose, MarketData data, double[][] price) {
        double[] target = policy.weights(new DecisionContext(day, dates[day], equity, drawdown, current, rawClose,
                data.instruments()));
        int n = data.instrumentCount();
        if (target == null || target.length != n) {
            throw new IllegalStateException("policy must return " + n + " weights on day " + day);
        }
        target = target.clone();
        double sum = 0;
        double gross = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(target[i])) {
                throw new IllegalStateException("policy returned a non-finite weight on day " + day);
            }
            if (!settings.longShort() && target[i] < -WEIGHT_TOLERANCE) {
                throw new IllegalStateException("long-only backtest but weight " + target[i] + " for "
                        + data.instruments().get(i).ticker() + " on day " + day);
            }
            if (!(price[i][day] > 0)) {
                target[i] = 0.0; // never priced yet: not tradable, held in cash
            }
            if (!settings.longShort()) {
                target[i] = Math.max(0.0, target[i]);
            }
            sum += target[i];
            gross += Math.abs(target[i]);
        }
        if (!settings.longShort() && sum > 1 + WEIGHT_TOLERANCE) {
            throw new IllegalStateException("long-only weights sum to " + sum + " > 1 on day " + day);
        }
        if (settings.longShort() && gross > settings.grossLimit() + WEIGHT_TOLERANCE) {
            throw new IllegalStateException("gross exposure " + gross + " exceeds the limit on day " + day);
        }
        return target;
    }

    /** Equal weights 1/k over the instruments with a price on the decision day. */
    public static WeightPolicy equalWeightPolicy() {
        return context -> {
            int n = context.instrumentCount();
            double[] w = new double[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (context.close(i, context.day()) > 0) {
                    k++;
                }
            }
            for (int i = 0; i < n; i++) {
                if (context.close(i, context.day()) > 0) {
                    w[i] = 1.0 / k;
                }
            }
            return w;
        };
    }

    /** The equal-weight universe portfolio on this backtester's schedule and costs. */
    public BacktestResult equalWeightUniverse(MarketData data, int startDay, int endDay) {
        return run("Equal weight", data, startDay, endDay, equalWeightPolicy());
    }

    /**
     * Buy-and-hold of the market index with the same timing (decided at startDay, bought at the close of
     * startDay + 1, so the first return day is 0), without costs.
     */
    public static BacktestResult marketIndex(MarketData data, int startDay, int endDay) {
        double[] index = data.marketIndex();
        int length = endDay - startDay;
        double[] returns = new double[length];
        double[] equity = new double[length];
        double[] drawdown = new double[length];
        double[] gross = new double[length];
        double e = 1.0;
        double peak = 1.0;
        double last = index[startDay + 1];
        for (int d = startDay + 1; d <= endDay; d++) {
            int k = d - startDay - 1;
            double r = 0.0;
            if (d > startDay + 1 && Double.isFinite(index[d]) && index[d] > 0) {
                r = last > 0 ? index[d] / last - 1.0 : 0.0;
                last = index[d];
            } else if (d == startDay + 1 && !(last > 0)) {
                last = Double.NaN;
            }
            e *= 1 + r;
            peak = Math.max(peak, e);
            returns[k] = r;
            equity[k] = e;
            drawdown[k] = e / peak - 1;
            gross[k] = 1.0;
        }
        return new BacktestResult("Market index", Arrays.copyOfRange(data.dates(), startDay + 1, endDay + 1), returns,
                equity, drawdown, gross, new int[] {startDay}, new LocalDate[] {data.dates()[startDay]},
                new double[][] {{1.0}}, new double[] {1.0}, new double[] {0.0}, 0.0, RebalanceFrequency.DAILY);
    }

    /** Closes with gaps filled by the last positive price (NaN before the first). */
    static double[][] carriedForward(double[][] close) {
        double[][] out = new double[close.length][];
        for (int i = 0; i < close.length; i++) {
            out[i] = close[i].clone();
            double last = Double.NaN;
            for (int d = 0; d < out[i].length; d++) {
                if (Double.isFinite(out[i][d]) && out[i][d] > 0) {
                    last = out[i][d];
                } else {
                    out[i][d] = last;
                }
            }
        }
        return out;
    }
}

package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.MarketData;

/**
 * Daily close-to-close backtest of a {@link WeightPolicy}, optionally under a {@link DrawdownOverlay}.
 *
 * <p><b>Timing (no look-ahead).</b> At the close of each decision day t (the first day {@code startDay}
 * and then every rebalance day of the {@link RebalanceFrequency} up to {@code endDay − 2}) the policy
 * sees data up to t only (the {@link TradingData#decisionClose() decision closes}) and returns target weights.
 * They are traded at the close of t + 1, so they first earn the return of day t + 2 (close t + 1 → close t + 2).
 * The return of day t + 1 is still earned by the holdings before the trade. Until the first trade the portfolio
 * is in cash.
 *
 * <p><b>Returns and costs.</b> With h the weights held after the close of day d − 1 and rf the daily risk-free
 * rate, the gross return of day d is r<sup>g</sup><sub>d</sub> = Σ h<sub>i</sub>(P<sub>i,d</sub>/P<sub>i,d−1</sub>
 * − 1) + (1 − Σ h<sub>i</sub>)·rf: cash (what the book does not hold, and what the overlay takes out of it) earns
 * rf = (1 + r<sub>annual</sub>)<sup>1/252</sup> − 1, empyrical's conversion of an annual rate. If a trade
 * executes at the close of d, turnover TO = Σ|w<sup>target</sup><sub>i</sub> − w<sup>drifted</sup><sub>i</sub>|
 * (both sides counted) and the cost c·TO of equity, c = bps/10⁴, is paid then: r<sub>d</sub> =
 * (1 + r<sup>g</sup><sub>d</sub>)(1 − c·TO) − 1. Between trades the weights drift:
 * w<sub>i</sub> ← w<sub>i</sub>(1 + r<sub>i,d</sub>)/(1 + r<sup>g</sup><sub>d</sub>). Prices are the P&amp;L
 * prices of the {@link TradingData}: raw, with only listed bad ticks repaired.
 *
 * <p><b>Missing prices</b> are carried forward (a return of 0 on that day); an instrument without any
 * price yet cannot be bought, and a target weight on it is held in cash instead.
 *
 * <p><b>Delisting.</b> An instrument whose prices end before the data's do is sold at its last price at the
 * close of the first trading day without one (its delisting day), with costs, and listed with the weight it had;
 * from then on a target weight on it is held in cash.
 *
 * <p><b>Drawdown overlay.</b> With {@link Settings#overlay()} set, two portfolios run side by side on the same
 * decisions: the book (the policy's weights at full exposure, reported as {@link OverlayRecord#withoutOverlay()})
 * and the traded portfolio, which holds x times the book. At every close up to {@code endDay − 2} the overlay
 * decides x from the traded portfolio's equity and peak and the book's tail loss on the decision closes
 * ({@link DrawdownOverlay}); a changed x is traded at the next close, as is x times the new book on a rebalance.
 * The policy sees the traded portfolio's state.
 *
 * <p><b>Constraints.</b> Long-only (default): weights must be ≥ 0 with Σw ≤ 1. Long-short: Σ|w| ≤ the
 * gross limit. A violation is a programming error of the policy and throws.
 */
public final class Backtester {

    private static final double WEIGHT_TOLERANCE = 1e-6;

    /**
     * @param frequency          rebalance schedule
     * @param costBps            cost in basis points per unit of turnover
     * @param longShort          allow negative weights
     * @param grossLimit         Σ|w| limit for long-short (ignored for long-only, where it is 1)
     * @param annualRiskFreeRate annual rate earned by cash (0 = none)
     * @param overlay            daily drawdown overlay, or null for none
     */
    public record Settings(RebalanceFrequency frequency, double costBps, boolean longShort, double grossLimit,
                           double annualRiskFreeRate, DrawdownOverlaySettings overlay) {

        public Settings {
            if (!(costBps >= 0)) {
                throw new IllegalArgumentException("cost must be non-negative");
            }
            if (!(annualRiskFreeRate > -1) || Double.isInfinite(annualRiskFreeRate)) {
                throw new IllegalArgumentException("risk-free rate must be above −100 %, was " + annualRiskFreeRate);
            }
        }

        /** Without cash interest and without overlay. */
        public Settings(RebalanceFrequency frequency, double costBps, boolean longShort, double grossLimit) {
            this(frequency, costBps, longShort, grossLimit, 0.0, null);
        }

        /** Long-only with the given schedule and cost. */
        public static Settings longOnly(RebalanceFrequency frequency, double costBps) {
            return new Settings(frequency, costBps, false, 1.0);
        }

        /** rf = (1 + annual)^(1/252) − 1. */
        public double dailyRiskFree() {
            return Backtester.dailyRiskFree(annualRiskFreeRate);
        }
    }

    private final Settings settings;

    public Backtester(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** empyrical's conversion of an annual rate to a daily one: (1 + r)^(1/252) − 1. */
    public static double dailyRiskFree(double annualRate) {
        return Math.pow(1 + annualRate, 1.0 / 252) - 1;
    }

    /** Runs the policy on {@code data} for both P&amp;L and decisions (see {@link TradingData#of}). */
    public BacktestResult run(String name, MarketData data, int startDay, int endDay, WeightPolicy policy) {
        return run(name, TradingData.of(data), startDay, endDay, policy);
    }

    /**
     * Runs the policy over days [startDay, endDay] of the data.
     *
     * @param startDay first decision day (returns are recorded from startDay + 1)
     * @param endDay   last day (inclusive)
     */
    public BacktestResult run(String name, TradingData trading, int startDay, int endDay, WeightPolicy policy) {
        MarketData data = trading.pnl();
        int days = data.dayCount();
        if (startDay < 0 || endDay >= days || endDay < startDay + 2) {
            throw new IllegalArgumentException("need 0 ≤ start, start + 2 ≤ end < " + days + "; got " + startDay + ", "
                    + endDay);
        }
        int n = data.instrumentCount();
        LocalDate[] dates = data.dates();
        double[][] price = carriedForward(data.close());
        double cost = settings.costBps() / 10_000.0;
        double rf = settings.dailyRiskFree();
        int[] delisting = trading.delistingDay();
        DrawdownOverlay overlay = settings.overlay() == null ? null : new DrawdownOverlay(settings.overlay());

        int length = endDay - startDay;
        Track book = new Track(n, length);
        Track traded = overlay == null ? book : new Track(n, length);
        double[] exposureSeries = new double[length];
        List<Integer> acted = new ArrayList<>();
        List<Integer> decisionDays = new ArrayList<>();
        List<double[]> bookTargets = new ArrayList<>();
        List<double[]> tradedTargets = new ArrayList<>();
        List<Delisting> delistings = new ArrayList<>();

        double exposure = 1.0;
        double pendingExposure = Double.NaN;
        double[] pending = decide(policy, startDay, dates, traded, trading, price);
        decisionDays.add(startDay);
        bookTargets.add(pending);
        if (overlay != null) {
            double next = overlay.nextExposure(exposure, overlay.targetExposure(1.0, 1.0,
                    overlay.tailLoss(DrawdownOverlay.withoutDelisted(pending, delisting, startDay + 1),
                            trading.decisionClose(), startDay)));
            if (next != exposure) {
                acted.add(startDay);
            }
            pendingExposure = next;
            tradedTargets.add(scaled(pending, next));
        }

        double[] assetReturn = new double[n];
        for (int d = startDay + 1; d <= endDay; d++) {
            for (int i = 0; i < n; i++) {
                double prev = price[i][d - 1];
                double now = price[i][d];
                assetReturn[i] = prev > 0 && now > 0 ? now / prev - 1.0 : 0.0;
            }
            double bookGross = book.drift(assetReturn, rf);
            double tradedGross = overlay == null ? bookGross : traded.drift(assetReturn, rf);
            for (int i = 0; i < n; i++) {
                if (delisting[i] == d && (book.w[i] != 0 || traded.w[i] != 0)) {
                    delistings.add(new Delisting(data.instruments().get(i).ticker(), dates[d - 1], dates[d],
                            traded.w[i]));
                    if (pending == null) {
                        pending = book.w.clone();
                    }
                    pending[i] = 0;
                }
            }
            boolean bookTrades = pending != null;
            boolean rebalanceTrade = bookTrades && decisionDays.getLast() == d - 1;
            if (bookTrades) {
                book.trade(pending, cost, rebalanceTrade);
            }
            if (overlay != null) {
                if (bookTrades || !Double.isNaN(pendingExposure)) {
                    double x = Double.isNaN(pendingExposure) ? exposure : pendingExposure;
                    traded.trade(scaled(book.w, x), cost, rebalanceTrade);
                    exposure = x;
                } else {
                    exposure = currentExposure(traded.w, book.w, exposure);
                }
                pendingExposure = Double.NaN;
            }
            pending = null;
            int k = d - startDay - 1;
            book.record(k, bookGross);
            if (overlay != null) {
                traded.record(k, tradedGross);
                exposureSeries[k] = exposure;
            }
            if (d > endDay - 2) {
                continue;
            }
            if (settings.frequency().isRebalanceDay(dates, d)) {
                pending = decide(policy, d, dates, traded, trading, price);
                decisionDays.add(d);
                bookTargets.add(pending);
            }
            if (overlay != null) {
                double[] next = pending != null ? pending : book.w;
                double tail = overlay.tailLoss(DrawdownOverlay.withoutDelisted(next, delisting, d + 1),
                        trading.decisionClose(), d);
                double x = overlay.nextExposure(exposure, overlay.targetExposure(traded.equity, traded.peak, tail));
                if (Math.abs(x - exposure) > 1e-12) {
                    acted.add(d);
                    pendingExposure = x;
                }
                if (pending != null) {
                    tradedTargets.add(scaled(pending, x));
                }
            }
        }
        int[] decided = decisionDays.stream().mapToInt(Integer::intValue).toArray();
        LocalDate[] decidedDates = Arrays.stream(decided).mapToObj(i -> dates[i]).toArray(LocalDate[]::new);
        LocalDate[] returnDates = Arrays.copyOfRange(dates, startDay + 1, endDay + 1);
        double[][] bookTargetArray = bookTargets.toArray(double[][]::new);
        if (overlay == null) {
            return book.result(name, returnDates, decided, decidedDates, bookTargetArray, settings, rf, delistings,
                    null);
        }
        BacktestResult withoutOverlay = book.result(name + " (without overlay)", returnDates, decided, decidedDates,
                bookTargetArray, settings, rf, delistings, null);
        int[] actedDays = acted.stream().mapToInt(Integer::intValue).toArray();
        OverlayRecord record = new OverlayRecord(settings.overlay(), exposureSeries, actedDays,
                Arrays.stream(actedDays).mapToObj(i -> dates[i]).toArray(LocalDate[]::new), withoutOverlay);
        return traded.result(name, returnDates, decided, decidedDates, tradedTargets.toArray(double[][]::new),
                settings, rf, delistings, record);
    }

    private static double[] scaled(double[] w, double x) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = x * w[i];
        }
        return out;
    }

    /** x = gross(traded) / gross(book): the traded portfolio holds x times the book between trades. */
    private static double currentExposure(double[] traded, double[] book, double previous) {
        double t = 0;
        double b = 0;
        for (int i = 0; i < book.length; i++) {
            t += Math.abs(traded[i]);
            b += Math.abs(book[i]);
        }
        return b > 0 ? t / b : previous;
    }

    private double[] decide(WeightPolicy policy, int day, LocalDate[] dates, Track state, TradingData trading,
                            double[][] price) {
        MarketData data = trading.pnl();
        double[] target = policy.weights(new DecisionContext(day, dates[day], state.equity,
                state.equity / state.peak - 1, state.w, trading.decisionClose(), data.instruments()));
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
            if (!(price[i][day] > 0) || trading.delistingDay()[i] <= day + 1) {
                target[i] = 0.0; // never priced yet, or delisted by the trade: not tradable, held in cash
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

    /** One portfolio's state and daily record. */
    private static final class Track {
        double[] w;
        double equity = 1.0;
        double peak = 1.0;
        double dayCostFactor = 1.0;
        final double[] returns;
        final double[] equityCurve;
        final double[] drawdownCurve;
        final double[] gross;
        final List<Double> turnovers = new ArrayList<>();
        final List<Double> costs = new ArrayList<>();
        double extraTurnover;

        Track(int n, int length) {
            w = new double[n];
            returns = new double[length];
            equityCurve = new double[length];
            drawdownCurve = new double[length];
            gross = new double[length];
        }

        /** Applies the day's asset returns and cash interest; returns the gross return r^g. */
        double drift(double[] assetReturn, double rf) {
            double rg = 0;
            double invested = 0;
            for (int i = 0; i < w.length; i++) {
                rg += w[i] * assetReturn[i];
                invested += w[i];
            }
            rg += (1 - invested) * rf;
            if (1 + rg > 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = w[i] * (1 + assetReturn[i]) / (1 + rg);
                }
            }
            dayCostFactor = 1.0;
            return rg;
        }

        void trade(double[] target, double cost, boolean rebalance) {
            double to = 0;
            for (int i = 0; i < w.length; i++) {
                to += Math.abs(target[i] - w[i]);
            }
            if (rebalance) {
                turnovers.add(to);
                costs.add(cost * to);
            } else {
                extraTurnover += to;
            }
            dayCostFactor *= 1 - cost * to;
            w = target.clone();
        }

        void record(int k, double rg) {
            double r = (1 + rg) * dayCostFactor - 1;
            equity *= 1 + r;
            peak = Math.max(peak, equity);
            returns[k] = r;
            equityCurve[k] = equity;
            drawdownCurve[k] = equity / peak - 1;
            double g = 0;
            for (double v : w) {
                g += Math.abs(v);
            }
            gross[k] = g;
        }

        BacktestResult result(String name, LocalDate[] dates, int[] decided, LocalDate[] decidedDates,
                              double[][] targets, Settings settings, double rf, List<Delisting> delistings,
                              OverlayRecord overlay) {
            return new BacktestResult(name, dates, returns, equityCurve, drawdownCurve, gross, decided, decidedDates,
                    targets, turnovers.stream().mapToDouble(Double::doubleValue).toArray(),
                    costs.stream().mapToDouble(Double::doubleValue).toArray(), settings.costBps(),
                    settings.frequency(), rf, delistings, extraTurnover, overlay);
        }
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
        return marketIndex(data, startDay, endDay, 0.0);
    }

    /** {@link #marketIndex(MarketData, int, int)} with Sharpe and Sortino in excess of a daily risk-free rate. */
    public static BacktestResult marketIndex(MarketData data, int startDay, int endDay, double dailyRiskFree) {
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
                new double[][] {{1.0}}, new double[] {1.0}, new double[] {0.0}, 0.0, RebalanceFrequency.DAILY,
                dailyRiskFree, List.of(), 0.0, null);
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

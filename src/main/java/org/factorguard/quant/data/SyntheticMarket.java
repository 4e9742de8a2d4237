package org.factorguard.quant.data;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in synthetic stock market: a deterministic, seeded simulation with a hidden regime chain,
 * volatility clustering, fat tails and factor premia that change with the regime, including non-linear
 * and lagged effects. It exists so the portal works out of the box and so that every step (regime
 * detection, factor screening, linear vs. sequence model) can be checked against a known truth; it is
 * labelled {@code "Built-in synthetic market (seed N)"} and carries the true regime of every day.
 *
 * <h2>Generating process</h2>
 * Regimes s_t ∈ {bull, bear, sideways} follow a daily Markov chain that stays with probability
 * 1 − 1/D_s (expected durations D = 200, 120, 125 trading days: about ten, six and six months) and
 * otherwise moves to one of the two other regimes with equal probability; it starts in a bull market.
 * The long-run shares of days are therefore 45 % bull, 27 % bear, 28 % sideways, but with only about
 * twenty spells in eleven years the realised shares vary a lot from seed to seed (the default seed gives
 * 47 / 24 / 29 %). All returns are daily log returns.
 * <pre>
 * market     r_m,t = μ_s + σ_t z_t,   σ_t² = (1 − a − b) σ̄_s² + a (σ_{t−1} z_{t−1})² + b σ_{t−1}²
 *            μ = (+0.09 %, −0.14 %, +0.01 %), σ̄ = (0.8 %, 1.8 %, 1.1 %), a = 0.08, b = 0.90,
 *            z ~ Student-t(5) scaled to unit variance
 * industry   u_g,t = σ_g √m_s z_g,t  with σ_g ~ U(0.5 %, 0.8 %), m = (0.9, 1.3, 1.0)
 * stock      r_i,t = β_i r_m,t + γ_i u_g(i),t + α_i,t + ε_i,t + J_i,t
 *            β_i = β_g(i)·U(0.75, 1.25), β_g ~ U(0.8, 1.2), γ_i ~ U(0.6, 1.4)
 *            ε_i,t: GARCH(1,1) with a = 0.05, b = 0.92, long-run σ_i √m_s, σ_i ~ U(1.2 %, 2.6 %), t(5) shocks
 *            J_i,t = 0.5 · 0.06 η_q on the day quarter q's earnings are published (announcement reaction)
 * premia     α_i,t = demeaned over i of
 *              λ_EP,s zEP + λ_BP,s zBP + λ_MOM,s zMOM + λ_SIZE,s zSIZE + λ_VOL,s zVOL + λ_TURN zTURN
 *              + λ_REV zREV + λ_INT zEP·1[zMOM &gt; 0] + λ_LAG sign(r_i,t−5)·max(zABVOL_i,t−5, 0)
 *              − λ_HV max(zVOL − 1, 0)
 *            with characteristics measured at the close of t−1 and z = cross-sectional z-score clipped to ±3:
 *            EP = trailing EPS / price, BP = BVPS / price (both as published), MOM = 60-day log return,
 *            SIZE = log market cap, VOL = 60-day RMS return, TURN = log 20-day mean turnover,
 *            REV = 5-day log return, ABVOL = log volume minus its 60-day mean.
 *            Per regime (bull, bear, sideways), in daily return per standard deviation:
 *            λ_EP = (4, 8, 6) bp, λ_BP = (2, 4, 3) bp, λ_MOM = (6, −6, 3) bp (momentum reverses in bear
 *            markets), λ_SIZE = (−3, 3, −1) bp, λ_VOL = (−1, −6, −3) bp; constant λ_TURN = −2 bp,
 *            λ_REV = −4 bp, λ_INT = 4 bp, λ_LAG = 5 bp, λ_HV = 5 bp.
 * fundamentals quarterly EPS e_q = e_{q−1} exp(g_i + 0.06 η_q), g_i ~ N(1.5 %, 1 %) per quarter,
 *            BVPS_q = BVPS_{q−1} + 0.5 e_q (half retained); published L_i ~ U{35..55} calendar days after
 *            quarter end; until then the market sees the previous values (trailing EPS = last four quarters).
 *            Initial P/E ~ logN(ln 16, 0.35), P/B ~ logN(ln 2.2, 0.45), price ~ logN(ln 35, 0.7),
 *            market cap ~ logN(ln 4·10⁹, 1.1); on a publication day shares change with probability 0.12 by
 *            a factor exp(N(0, 0.03)).
 * volume     ln V_t = μ_i + 0.85 (ln V_{t−1} − μ_i) + 0.35 (|ε_t|/σ_t − 0.8) + 0.2 (|r_m,t|/σ_m,t − 0.8)
 *            + 0.2 N(0,1),  μ_i = ln(τ_i · shares), daily turnover τ_i ~ logN(ln 0.8 %, 0.5)
 * bars       open = C_{t−1} exp(0.3 r_t + 0.15 σ N), high/low = max/min(open, close) · exp(±0.5 σ |N|);
 *            prices are rounded to cents (to 1/10,000 below 1), EPS/BVPS to 4 decimals, volume to shares.
 * </pre>
 * With these settings the daily cross-sectional Rank IC of earnings yield against the next day's return
 * is a few percent (modest but persistent), momentum's IC changes sign with the regime, and a random
 * characteristic has none. Everything is drawn from one {@link SplittableRandom} seeded with the
 * config's seed and split in a fixed order, so a seed always gives the same {@link DatasetHash}.
 *
 * <p>References: Hamilton (1989) for regime switching, Bollerslev (1986) for GARCH(1,1), Fama &amp; French
 * (1993) and Jegadeesh &amp; Titman (1993) for the value, size and momentum premia.
 */
public final class SyntheticMarket {

    /** Label prefix of every generated data set. */
    public static final String LABEL_PREFIX = "Built-in synthetic market";

    // Regime-indexed parameters, by Regime.ordinal(): BULL, BEAR, SIDEWAYS.
    static final double[] EXPECTED_DURATION = {200, 120, 125};
    static final double[][] EXIT_PROBABILITY = {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    static final double[] MARKET_DRIFT = {0.0009, -0.0014, 0.0001};
    static final double[] MARKET_VOLATILITY = {0.008, 0.018, 0.011};
    static final double[] DISPERSION_MULTIPLIER = {0.9, 1.3, 1.0};
    static final double MARKET_GARCH_A = 0.08;
    static final double MARKET_GARCH_B = 0.90;
    static final double IDIO_GARCH_A = 0.05;
    static final double IDIO_GARCH_B = 0.92;
    static final int T_DEGREES_OF_FREEDOM = 5;

    private static final double BP = 1e-4;
    static final double[] PREMIUM_EARNINGS_YIELD = {4 * BP, 8 * BP, 6 * BP};
    static final double[] PREMIUM_BOOK_TO_PRICE = {2 * BP, 4 * BP, 3 * BP};
    static final double[] PREMIUM_MOMENTUM = {6 * BP, -6 * BP, 3 * BP};
    static final double[] PREMIUM_SIZE = {-3 * BP, 3 * BP, -1 * BP};
    static final double[] PREMIUM_VOLATILITY = {-1 * BP, -6 * BP, -3 * BP};
    static final double PREMIUM_TURNOVER = -2 * BP;
    static final double PREMIUM_REVERSAL = -4 * BP;
    static final double PREMIUM_VALUE_IF_MOMENTUM = 4 * BP;
    static final double PREMIUM_VOLUME_CONFIRMED_MOVE = 5 * BP;
    static final double PENALTY_HIGH_VOLATILITY = 5 * BP;
    static final int VOLUME_SIGNAL_LAG = 5;
    static final int MOMENTUM_WINDOW = 60;
    static final int VOLATILITY_WINDOW = 60;
    static final int REVERSAL_WINDOW = 5;
    static final int TURNOVER_WINDOW = 20;
    static final double EARNINGS_SHOCK = 0.06;
    static final double ANNOUNCEMENT_RESPONSE = 0.5;
    static final double RETAINED_SHARE = 0.5;

    private static final String[] INDUSTRY_NAMES = {"Technology", "Financials", "Health Care", "Consumer Staples",
            "Consumer Discretionary", "Industrials", "Energy", "Materials", "Utilities", "Real Estate",
            "Telecommunications", "Media", "Transportation", "Insurance", "Semiconductors", "Retail"};

    private SyntheticMarket() {
    }

    /** The default market: {@code generate(SyntheticMarketConfig.defaults())}. */
    public static MarketData generateDefault() {
        return generate(SyntheticMarketConfig.defaults());
    }

    /** Generates the market described in the class comment; deterministic in {@code config}. */
    public static MarketData generate(SyntheticMarketConfig config) {
        return new Simulation(config).run();
    }

    /** One run; all state in primitive arrays [stock][day]. */
    private static final class Simulation {
        private final SyntheticMarketConfig config;
        private final LocalDate[] dates;
        private final int n;
        private final int days;
        private final SplittableRandom root;

        Simulation(SyntheticMarketConfig config) {
            this.config = config;
            this.dates = TradingCalendar.standard().tradingDays(config.firstDay(), config.lastDay());
            this.n = config.stockCount();
            this.days = dates.length;
            this.root = new SplittableRandom(config.seed());
        }

        MarketData run() {
            SplittableRandom marketRng = root.split();
            SplittableRandom regimeRng = root.split();
            SplittableRandom industryRng = root.split();
            SplittableRandom setupRng = root.split();
            SplittableRandom[] stockRng = new SplittableRandom[n];
            for (int i = 0; i < n; i++) {
                stockRng[i] = root.split();
            }

            Regime[] regimes = regimePath(regimeRng);
            double[] marketVol = new double[days];
            double[] market = marketReturns(marketRng, regimes, marketVol);
            int industries = config.industryCount();
            double[][] industryShock = industryShocks(industryRng, industries, regimes);

            // Stock set-up.
            int[] industryOf = new int[n];
            double[] betaIndustry = new double[industries];
            for (int g = 0; g < industries; g++) {
                betaIndustry[g] = uniform(setupRng, 0.8, 1.2);
            }
            double[] beta = new double[n];
            double[] industryLoading = new double[n];
            double[] idioVol = new double[n];
            double[] turnover = new double[n];
            double[] growth = new double[n];
            int[] reportLag = new int[n];
            double[] price0 = new double[n];
            double[] shares0 = new double[n];
            double[] pe0 = new double[n];
            double[] pb0 = new double[n];
            List<Instrument> instruments = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                industryOf[i] = (int) ((long) i * industries / n);
                beta[i] = betaIndustry[industryOf[i]] * uniform(setupRng, 0.75, 1.25);
                industryLoading[i] = uniform(setupRng, 0.6, 1.4);
                idioVol[i] = uniform(setupRng, 0.012, 0.026);
                turnover[i] = Math.exp(Math.log(0.008) + 0.5 * setupRng.nextGaussian());
                growth[i] = 0.015 + 0.01 * setupRng.nextGaussian();
                reportLag[i] = 35 + setupRng.nextInt(21);
                price0[i] = clamp(Math.exp(Math.log(35) + 0.7 * setupRng.nextGaussian()), 3, 500);
                double cap = Math.exp(Math.log(4e9) + 1.1 * setupRng.nextGaussian());
                shares0[i] = Math.max(1e5, Math.rint(cap / price0[i] / 1000) * 1000);
                pe0[i] = Math.exp(Math.log(16) + 0.35 * setupRng.nextGaussian());
                pb0[i] = Math.exp(Math.log(2.2) + 0.45 * setupRng.nextGaussian());
                String industry = INDUSTRY_NAMES[industryOf[i]];
                instruments.add(new Instrument(String.format("SYN%03d", i + 1),
                        "Synthetic " + industry + " " + (i + 1), industry));
            }

            // Quarterly fundamentals and their publication days.
            LocalDate firstQuarterEnd = quarterEnd(config.firstDay().minusMonths(18));
            List<LocalDate> quarterEnds = new ArrayList<>();
            for (LocalDate q = firstQuarterEnd; !q.isAfter(config.lastDay()); q = quarterEnd(q.plusDays(1))) {
                quarterEnds.add(q);
            }
            int quarters = quarterEnds.size();
            double[][] quarterlyEps = new double[n][quarters];
            double[][] quarterlyBook = new double[n][quarters];
            double[][] earningsShock = new double[n][quarters];
            int[][] publicationDay = new int[n][quarters];
            for (int i = 0; i < n; i++) {
                fundamentals(stockRng[i], quarterEnds, reportLag[i], growth[i], price0[i], pe0[i], pb0[i],
                        quarterlyEps[i], quarterlyBook[i], earningsShock[i], publicationDay[i]);
            }

            double[][] logPrice = new double[n][days];
            double[][] ret = new double[n][days];
            double[][] logVolume = new double[n][days];
            double[][] volume = new double[n][days];
            double[][] open = new double[n][days];
            double[][] high = new double[n][days];
            double[][] low = new double[n][days];
            double[][] close = new double[n][days];
            double[][] shares = new double[n][days];
            double[][] eps = new double[n][days];
            double[][] bvps = new double[n][days];
            double[] idioVariance = new double[n];
            double[] idioShock = new double[n];
            int[] publishedQuarter = new int[n];
            double[] currentShares = shares0.clone();

            for (int i = 0; i < n; i++) {
                logPrice[i][0] = Math.log(price0[i]);
                idioVariance[i] = sq(idioVol[i]);
                logVolume[i][0] = Math.log(turnover[i] * shares0[i]);
                publishedQuarter[i] = lastPublished(publicationDay[i], 0);
            }

            Characteristics chars = new Characteristics(n, days);
            double[] alpha = new double[n];
            for (int t = 0; t < days; t++) {
                int s = regimes[t].ordinal();
                if (t > 0) {
                    chars.alpha(t - 1, s, ret, alpha);
                }
                for (int i = 0; i < n; i++) {
                    SplittableRandom rng = stockRng[i];
                    double r = 0;
                    double shockSize = 0;
                    if (t > 0) {
                        double longRun = sq(idioVol[i]) * DISPERSION_MULTIPLIER[s];
                        idioVariance[i] = (1 - IDIO_GARCH_A - IDIO_GARCH_B) * longRun
                                + IDIO_GARCH_A * sq(idioShock[i]) + IDIO_GARCH_B * idioVariance[i];
                        double sigma = Math.sqrt(idioVariance[i]);
                        idioShock[i] = sigma * studentT(rng);
                        shockSize = Math.abs(idioShock[i]) / sigma;
                        r = beta[i] * market[t] + industryLoading[i] * industryShock[industryOf[i]][t]
                                + alpha[i] + idioShock[i];
                        int published = lastPublished(publicationDay[i], t);
                        for (int q = publishedQuarter[i] + 1; q <= published; q++) {
                            r += ANNOUNCEMENT_RESPONSE * EARNINGS_SHOCK * earningsShock[i][q];
                            if (rng.nextDouble() < 0.12) {
                                currentShares[i] = Math.max(1e5,
                                        Math.rint(currentShares[i] * Math.exp(0.03 * rng.nextGaussian()) / 1000) * 1000);
                            }
                        }
                        publishedQuarter[i] = published;
                        logPrice[i][t] = logPrice[i][t - 1] + r;
                        ret[i][t] = r;
                        double mu = Math.log(turnover[i] * currentShares[i]);
                        logVolume[i][t] = mu + 0.85 * (logVolume[i][t - 1] - mu) + 0.35 * (shockSize - 0.8)
                                + 0.2 * (Math.abs(market[t] - MARKET_DRIFT[s]) / marketVol[t] - 0.8)
                                + 0.2 * rng.nextGaussian();
                    }
                    double sigmaDay = Math.sqrt(idioVariance[i] + sq(beta[i] * marketVol[t]));
                    double c = Math.exp(logPrice[i][t]);
                    double o = t == 0 ? c * Math.exp(0.003 * rng.nextGaussian())
                            : Math.exp(logPrice[i][t - 1] + 0.3 * r + 0.15 * sigmaDay * rng.nextGaussian());
                    double h = Math.max(o, c) * Math.exp(0.5 * sigmaDay * Math.abs(rng.nextGaussian()));
                    double l = Math.min(o, c) * Math.exp(-0.5 * sigmaDay * Math.abs(rng.nextGaussian()));
                    close[i][t] = roundPrice(c);
                    open[i][t] = roundPrice(o);
                    high[i][t] = Math.max(roundPrice(h), Math.max(open[i][t], close[i][t]));
                    low[i][t] = Math.min(roundPrice(l), Math.min(open[i][t], close[i][t]));
                    volume[i][t] = Math.max(100, Math.rint(Math.exp(logVolume[i][t])));
                    shares[i][t] = currentShares[i];
                    int q = publishedQuarter[i];
                    eps[i][t] = round4(quarterlyEps[i][q] + quarterlyEps[i][q - 1] + quarterlyEps[i][q - 2]
                            + quarterlyEps[i][q - 3]);
                    bvps[i][t] = round4(quarterlyBook[i][q]);
                }
                chars.record(t, logPrice, ret, logVolume, volume, shares, eps, bvps);
            }

            MarketData.Builder builder = MarketData.builder(dates, instruments)
                    .label(LABEL_PREFIX + " (seed " + config.seed() + ")")
                    .open(open).high(high).low(low).close(close).volume(volume)
                    .sharesOutstanding(shares).earningsPerShare(eps).bookValuePerShare(bvps)
                    .trueRegimes(regimes);
            return builder.contentHash(DatasetHash.of(builder.build())).build();
        }

        private Regime[] regimePath(SplittableRandom rng) {
            Regime[] values = Regime.values();
            Regime[] path = new Regime[days];
            int s = Regime.BULL.ordinal();
            for (int t = 0; t < days; t++) {
                if (t > 0 && rng.nextDouble() < 1.0 / EXPECTED_DURATION[s]) {
                    double u = rng.nextDouble();
                    double[] exit = EXIT_PROBABILITY[s];
                    int next = exit.length - 1;
                    double cumulative = 0;
                    for (int k = 0; k < exit.length; k++) {
                        cumulative += exit[k];
                        if (u < cumulative) {
                            next = k;
                            break;
                        }
                    }
                    s = next;
                }
                path[t] = values[s];
            }
            return path;
        }

        private double[] marketReturns(SplittableRandom rng, Regime[] regimes, double[] vol) {
            double[] r = new double[days];
            double variance = sq(MARKET_VOLATILITY[regimes[0].ordinal()]);
            double shock = 0;
            for (int t = 0; t < days; t++) {
                int s = regimes[t].ordinal();
                if (t > 0) {
                    variance = (1 - MARKET_GARCH_A - MARKET_GARCH_B) * sq(MARKET_VOLATILITY[s])
                            + MARKET_GARCH_A * sq(shock) + MARKET_GARCH_B * variance;
                }
                vol[t] = Math.sqrt(variance);
                shock = vol[t] * studentT(rng);
                r[t] = t == 0 ? 0 : MARKET_DRIFT[s] + shock;
            }
            return r;
        }

        private double[][] industryShocks(SplittableRandom rng, int industries, Regime[] regimes) {
            double[][] u = new double[industries][days];
            for (int g = 0; g < industries; g++) {
                double sigma = uniform(rng, 0.005, 0.008);
                for (int t = 1; t < days; t++) {
                    u[g][t] = sigma * Math.sqrt(DISPERSION_MULTIPLIER[regimes[t].ordinal()]) * studentT(rng);
                }
            }
            return u;
        }

        /** Quarterly EPS and book value scaled to the initial P/E and P/B; publication trading-day indices. */
        private void fundamentals(SplittableRandom rng, List<LocalDate> quarterEnds, int lag, double growth,
                                  double price, double pe, double pb, double[] quarterlyEps, double[] book,
                                  double[] shock, int[] publication) {
            int quarters = quarterEnds.size();
            quarterlyEps[0] = 1.0;
            for (int q = 0; q < quarters; q++) {
                shock[q] = rng.nextGaussian();
                if (q > 0) {
                    quarterlyEps[q] = quarterlyEps[q - 1] * Math.exp(growth + EARNINGS_SHOCK * shock[q]);
                }
                LocalDate published = quarterEnds.get(q).plusDays(lag);
                int idx = Arrays.binarySearch(dates, published);
                publication[q] = idx >= 0 ? idx : -idx - 1; // first trading day on/after publication
                if (published.isBefore(dates[0])) {
                    publication[q] = -1; // known before the first day
                }
            }
            int known = lastPublished(publication, 0);
            double trailing = quarterlyEps[known] + quarterlyEps[known - 1] + quarterlyEps[known - 2]
                    + quarterlyEps[known - 3];
            double scale = price / pe / trailing;
            for (int q = 0; q < quarters; q++) {
                quarterlyEps[q] *= scale;
            }
            book[known] = price / pb;
            for (int q = known + 1; q < quarters; q++) {
                book[q] = book[q - 1] + RETAINED_SHARE * quarterlyEps[q];
            }
            for (int q = known - 1; q >= 0; q--) {
                book[q] = Math.max(0.01, book[q + 1] - RETAINED_SHARE * quarterlyEps[q + 1]);
            }
        }

        private static int lastPublished(int[] publication, int day) {
            int k = -1;
            for (int q = 0; q < publication.length && publication[q] <= day; q++) {
                k = q;
            }
            return k;
        }
    }

    /** Daily cross-sectional characteristics (z-scores), kept as long as the lagged effect needs them. */
    private static final class Characteristics {
        private final int n;
        private final double[][] zEarningsYield;
        private final double[][] zBookToPrice;
        private final double[][] zMomentum;
        private final double[][] zSize;
        private final double[][] zVolatility;
        private final double[][] zTurnover;
        private final double[][] zReversal;
        private final double[][] zAbnormalVolume;
        private final double[] sumSquares;
        private final double[] sumLogVolume;
        private final double[] sumTurnover;

        Characteristics(int n, int days) {
            this.n = n;
            zEarningsYield = new double[days][];
            zBookToPrice = new double[days][];
            zMomentum = new double[days][];
            zSize = new double[days][];
            zVolatility = new double[days][];
            zTurnover = new double[days][];
            zReversal = new double[days][];
            zAbnormalVolume = new double[days][];
            sumSquares = new double[n];
            sumLogVolume = new double[n];
            sumTurnover = new double[n];
        }

        void record(int t, double[][] logPrice, double[][] ret, double[][] logVolume, double[][] volume,
                    double[][] shares, double[][] eps, double[][] bvps) {
            double[] ey = new double[n];
            double[] bp = new double[n];
            double[] mom = new double[n];
            double[] size = new double[n];
            double[] vol = new double[n];
            double[] turn = new double[n];
            double[] rev = new double[n];
            double[] abVol = new double[n];
            int volWindow = Math.min(VOLATILITY_WINDOW, t);
            int turnWindow = Math.min(TURNOVER_WINDOW, t + 1);
            int lvWindow = Math.min(VOLATILITY_WINDOW, t + 1);
            for (int i = 0; i < n; i++) {
                sumSquares[i] += sq(ret[i][t]);
                if (t - VOLATILITY_WINDOW >= 0) {
                    sumSquares[i] -= sq(ret[i][t - VOLATILITY_WINDOW]);
                }
                sumLogVolume[i] += logVolume[i][t];
                if (t - VOLATILITY_WINDOW >= 0) {
                    sumLogVolume[i] -= logVolume[i][t - VOLATILITY_WINDOW];
                }
                sumTurnover[i] += volume[i][t] / shares[i][t];
                if (t - TURNOVER_WINDOW >= 0) {
                    sumTurnover[i] -= volume[i][t - TURNOVER_WINDOW] / shares[i][t - TURNOVER_WINDOW];
                }
                double p = Math.exp(logPrice[i][t]);
                ey[i] = eps[i][t] / p;
                bp[i] = bvps[i][t] / p;
                mom[i] = logPrice[i][t] - logPrice[i][Math.max(0, t - MOMENTUM_WINDOW)];
                rev[i] = logPrice[i][t] - logPrice[i][Math.max(0, t - REVERSAL_WINDOW)];
                size[i] = logPrice[i][t] + Math.log(shares[i][t]);
                vol[i] = volWindow == 0 ? 0 : Math.sqrt(Math.max(0, sumSquares[i]) / volWindow);
                turn[i] = Math.log(sumTurnover[i] / turnWindow);
                abVol[i] = logVolume[i][t] - sumLogVolume[i] / lvWindow;
            }
            zEarningsYield[t] = zScore(ey);
            zBookToPrice[t] = zScore(bp);
            zMomentum[t] = zScore(mom);
            zSize[t] = zScore(size);
            zVolatility[t] = zScore(vol);
            zTurnover[t] = zScore(turn);
            zReversal[t] = zScore(rev);
            zAbnormalVolume[t] = zScore(abVol);
            int stale = t - VOLUME_SIGNAL_LAG - 1;
            if (stale >= 0) { // only the lagged abnormal volume is needed beyond one day
                zEarningsYield[stale] = zBookToPrice[stale] = zMomentum[stale] = zSize[stale] = null;
                zVolatility[stale] = zTurnover[stale] = zReversal[stale] = null;
            }
        }

        /** Expected return of day t+1 given characteristics at the close of t and the regime of t+1. */
        void alpha(int t, int regime, double[][] ret, double[] out) {
            int lagDay = t + 1 - VOLUME_SIGNAL_LAG;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double zMom = zMomentum[t][i];
                double zVol = zVolatility[t][i];
                double a = PREMIUM_EARNINGS_YIELD[regime] * zEarningsYield[t][i]
                        + PREMIUM_BOOK_TO_PRICE[regime] * zBookToPrice[t][i]
                        + PREMIUM_MOMENTUM[regime] * zMom
                        + PREMIUM_SIZE[regime] * zSize[t][i]
                        + PREMIUM_VOLATILITY[regime] * zVol
                        + PREMIUM_TURNOVER * zTurnover[t][i]
                        + PREMIUM_REVERSAL * zReversal[t][i]
                        + (zMom > 0 ? PREMIUM_VALUE_IF_MOMENTUM * zEarningsYield[t][i] : 0)
                        - PENALTY_HIGH_VOLATILITY * Math.max(zVol - 1, 0);
                if (lagDay >= 1) {
                    a += PREMIUM_VOLUME_CONFIRMED_MOVE * Math.signum(ret[i][lagDay])
                            * Math.max(zAbnormalVolume[lagDay][i], 0);
                }
                out[i] = a;
                mean += a;
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                out[i] -= mean;
            }
        }

        private double[] zScore(double[] x) {
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= n;
            double var = 0;
            for (double v : x) {
                var += sq(v - mean);
            }
            double sd = Math.sqrt(var / Math.max(1, n - 1));
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = sd > 0 ? clamp((x[i] - mean) / sd, -3, 3) : 0;
            }
            return z;
        }
    }

    private static LocalDate quarterEnd(LocalDate day) {
        int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
        return LocalDate.of(day.getYear(), quarter * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** Student-t(ν) draw scaled to unit variance: z / sqrt(χ²_ν / ν) · sqrt((ν − 2) / ν). */
    static double studentT(SplittableRandom rng) {
        int nu = T_DEGREES_OF_FREEDOM;
        double chi2 = 0;
        for (int k = 0; k < nu; k++) {
            double g = rng.nextGaussian();
            chi2 += g * g;
        }
        return rng.nextGaussian() / Math.sqrt(chi2 / nu) * Math.sqrt((nu - 2.0) / nu);
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static double roundPrice(double p) {
        return p >= 1 ? Math.rint(p * 100) / 100 : Math.max(0.0001, Math.rint(p * 10_000) / 10_000);
    }

    private static double round4(double v) {
        return Math.rint(v * 10_000) / 10_000;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}

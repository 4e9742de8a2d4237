package org.factorguard.quant.data;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in synthetic stock market (generator version 3): a deterministic, seeded simulation with regime
 * spells of realistic length, volatility clustering, fat tails and factor premia that are small, vary from day
 * to day and change with the regime, including non-linear and lagged effects. It exists so the portal works
 * out of the box and so that every step (regime dating, factor screening, linear vs. sequence model) can be
 * checked against a known truth; it is labelled {@code "Built-in synthetic market (generator v3, seed N)"}
 * and carries the true regime of every day. The magnitudes are calibrated so that the default study lands
 * where real equity markets do (docs/calibration.md): an out-of-sample 20-day Rank IC of a few percent.
 *
 * <h2>Generating process</h2>
 * All returns are daily log returns; "bp" is a basis point of daily return.
 * <pre>
 * regimes    a semi-Markov chain of spells s ∈ {bull, bear, sideways}: the first regime is bull, bear or
 *            sideways with probability 0.6 / 0.2 / 0.2; a spell lasts L trading days, drawn per spell:
 *              bull L ~ U{252..756} (1–3 years), bear L = 126 + ⌊504 U²⌋ (6 months – 2.5 years, mean 294),
 *              sideways L ~ U{126..378} (6–18 months);
 *            then the next regime follows P(bull → bear, sideways) = (0.4, 0.6), P(bear → bull, sideways) =
 *            (0.7, 0.3), P(sideways → bull, bear) = (0.6, 0.4), except that a sideways spell after a bear market
 *            (its bottom) is followed by a bull market. A spell that would leave fewer days before the end of the
 *            data than the next regime's minimum runs to the end instead; the data end cuts the last.
 * index plan each spell plans its cap-weighted index path as a line from the index level X_a at the close
 *            before the spell (a = start − 1) to X_a + Δ at its last day e:  X*_t = X_a + Δ (t − a)/(e − a), with
 *              bull Δ = g L / 252, annual drift g ~ U(14 %, 28 %); bear Δ = ln(1 − F), fall F ~ U(20 %, 35 %);
 *              sideways Δ = 0.
 *            The index's expected log return on day t is the plan's slope plus a pull back to the plan:
 *              m_t = Δ/(e − a) − k_t (X_{t−1} − X*_{t−1}),  k_t = κ_s, κ = (0.005, 0.02, 0.03),
 *            and for sideways spells k_t = max(κ_s, 1/(e − t + 1)) (a Brownian-bridge pull) with no market shock
 *            on the spell's last day, so a sideways spell ends where it started, up to the stocks' own noise.
 *            A sideways spell is also a trading range (v3): with d = X_{t−1} − X*_{t−1}, beyond support and
 *            resistance at |d| = h = 0.07 the pull grows by ρ (|d| − h) sign(d), ρ = 0.2 a day, so a volatility
 *            burst inside the spell cannot turn it into a 25 % fall (in v2 a sideways spell's highest level was up
 *            to 69 % above its lowest, and 50 of 87 spells over 40 seeds spanned more than 15 %).
 * market     r_m,t = μ_t + σ_t z_t,   σ_t² = (1 − a − b) σ̄_s² + a (σ_{t−1} z_{t−1})² + b σ_{t−1}²
 *            σ̄ = (0.85 %, 1.6 %, 0.75 %) (v2: sideways 0.95 %), a = 0.08, b = 0.90, z ~ Student-t(5) scaled
 *            to unit variance and clipped to ±6 (an unclipped t(5) tail draw, amplified by the GARCH, can halve
 *            the index in weeks);
 *            μ_t = (m_t − Σ_i w_i α_i,t − D_t) / Σ_i w_i β_i with w the previous close's cap weights and
 *            D_t = ½ (Σ_i w_i v_i,t − v_index,t) the diversification term of the log index (v = the day's
 *            conditional variances), so that the index follows its plan in expectation.
 * industry   u_g,t = σ_g √m_s z_g,t  with σ_g ~ U(0.5 %, 0.8 %), m = (0.9, 1.3, 1.0)
 * stock      r_i,t = β_i r_m,t + γ_i u_g(i),t + α_i,t + f_i,t + ε_i,t + J_i,t
 *            β_i = β_g(i)·U(0.75, 1.25), β_g ~ U(0.8, 1.2), γ_i ~ U(0.6, 1.4)
 *            ε_i,t: GARCH(1,1) with a = 0.05, b = 0.92, long-run σ_i √m_s, σ_i ~ U(1.2 %, 2.6 %), t(5) shocks
 *            J_i,t = 0.5 · 0.06 η_q on the day quarter q's earnings are published (announcement reaction)
 * premia     α_i,t = demeaned over i of
 *              Σ_k λ_k,t z_k,i + λ_INT zEP·1[zMOM &gt; 0] + λ_LAG sign(r_i,t−5)·max(zABVOL_i,t−5, 0)
 *              − λ_HV max(zVOL − 1, 0),     k ∈ {EP, BP, MOM, SIZE, VOL, TURN, REV},
 *            f_i,t = demeaned over i of Σ_k ω_k ξ_k,t z_k,i   (factor-return shocks, ξ ~ N(0, 1) iid),
 *            λ_k,t = λ̄_k,s + σ_λ,k η_k,t,  η_k,t = φ η_k,t−1 + √(1 − φ²) N(0, 1), η_k,0 ~ N(0, 1), φ = 0.99
 *            (persistent premium noise, half-life 69 days), with characteristics measured at the close of t−1
 *            and z = cross-sectional z-score clipped to ±3: EP = trailing EPS / price, BP = BVPS / price (both
 *            as published), MOM = 60-day log return, SIZE = log market cap, VOL = 60-day RMS return,
 *            TURN = log 20-day mean turnover, REV = 5-day log return, ABVOL = log volume minus its 60-day mean.
 *            In c bp per standard deviation (c = 1.2, the calibration scale; v2: 0.85), λ̄ per regime (bull, bear,
 *            sideways), then σ_λ, and ω in bp:
 *              EP   ( 1.0,   2.0,  1.5)  σ_λ 1.0   ω 8     BP  ( 0.5,   1.0,   0.75) σ_λ 0.75 ω 6
 *              MOM  ( 1.25, −1.25, 0.5)  σ_λ 1.5   ω 12    (momentum reverses in bear markets)
 *              SIZE (−0.25,  0.5, −0.1)  σ_λ 0.75  ω 8     VOL (−0.25, −1.25, −0.5)  σ_λ 0.75 ω 10
 *              TURN (−0.5,  −0.5, −0.5)  σ_λ 0.5   ω 5     REV (−1.0,  −1.0,  −1.0)  σ_λ 1.0  ω 6
 *            and constant λ_INT = λ_LAG = λ_HV = 1.0 c bp. With c = 1.2 these are about a quarter of version
 *            1's: over seeds 1–20 they give the linear model of the default study a median out-of-sample 20-day
 *            Rank IC of 0.032 and a long-only top quintile of its predictions a median Sharpe ratio of 0.95
 *            (docs/calibration.md), and earnings yield a daily Rank IC near 0.01. c scales the expected premia
 *            only; the factor-return shocks stay as given. (v2's c = 0.85 gave a median Rank IC of 0.020 on v3's
 *            market paths.)
 * fundamentals quarterly EPS e_q = e_{q−1} exp(g_i + 0.06 η_q), g_i ~ N(1.5 %, 1 %) per quarter,
 *            BVPS_q = BVPS_{q−1} + 0.5 e_q (half retained); published L_i ~ U{35..55} calendar days after
 *            quarter end; until then the market sees the previous values (trailing EPS = last four quarters).
 *            Initial P/E ~ logN(ln 16, 0.35), P/B ~ logN(ln 2.2, 0.45), price ~ logN(ln 35, 0.7),
 *            market cap ~ logN(ln 4·10⁹, 1.1); on a publication day shares change with probability 0.12 by
 *            a factor exp(N(0, 0.03)).
 * volume     ln V_t = μ_i + 0.85 (ln V_{t−1} − μ_i) + 0.35 (|ε_t|/σ_t − 0.8) + 0.2 (|z_t| − 0.8)
 *            + 0.2 N(0,1),  μ_i = ln(τ_i · shares), daily turnover τ_i ~ logN(ln 0.8 %, 0.5)
 * bars       open = C_{t−1} exp(0.3 r_t + 0.15 σ N), high/low = max/min(open, close) · exp(±0.5 σ |N|);
 *            prices are rounded to cents (to 1/10,000 below 1), EPS/BVPS to 4 decimals, volume to shares.
 * </pre>
 * The regime spells and the premium paths form the run's hidden {@link Plan}; they do not depend on the stocks.
 * Everything is drawn from one {@link SplittableRandom} seeded with the config's seed and split in a fixed
 * order, so a seed always gives the same {@link DatasetHash} for this generator version.
 *
 * <p>References: Pagan &amp; Sossounov (2003) and Lunde &amp; Timmermann (2004) for bull and bear phases and
 * their durations, Bollerslev (1986) for GARCH(1,1), Fama &amp; French (1993) and Jegadeesh &amp; Titman (1993)
 * for the value, size and momentum premia, Gupta &amp; Kelly (2019) for persistent factor returns.
 */
public final class SyntheticMarket {

    /** Label prefix of every generated data set. */
    public static final String LABEL_PREFIX = "Built-in synthetic market";

    // Regime-indexed parameters, by Regime.ordinal(): BULL, BEAR, SIDEWAYS.
    static final double[] START_PROBABILITY = {0.6, 0.2, 0.2};
    static final int[] MIN_SPELL = {252, 126, 126};
    static final int[] MAX_SPELL = {756, 630, 378};
    static final double[][] TRANSITION = {{0, 0.4, 0.6}, {0.7, 0, 0.3}, {0.6, 0.4, 0}};
    static final double BULL_DRIFT_MIN = 0.14;
    static final double BULL_DRIFT_MAX = 0.28;
    static final double BEAR_FALL_MIN = 0.20;
    static final double BEAR_FALL_MAX = 0.35;
    static final double[] PULL = {0.005, 0.02, 0.03};
    static final boolean[] BRIDGED = {false, false, true};
    /** Sideways spells (v3): support and resistance at ±h (in log index) around the spell's level … */
    static final double RANGE_HALF_WIDTH = 0.07;
    /** … beyond which the pull back into the range grows by this much per unit of excess, a day. */
    static final double RANGE_PULL = 0.2;
    static final double[] MARKET_VOLATILITY = {0.0085, 0.016, 0.0075};
    static final double[] DISPERSION_MULTIPLIER = {0.9, 1.3, 1.0};
    static final double MARKET_GARCH_A = 0.08;
    static final double MARKET_GARCH_B = 0.90;
    static final double IDIO_GARCH_A = 0.05;
    static final double IDIO_GARCH_B = 0.92;
    static final int T_DEGREES_OF_FREEDOM = 5;
    static final double MAX_MARKET_SHOCK = 6;

    private static final double BP = 1e-4;
    /** c: the calibration scale of every premium (λ̄, σ_λ, λ_INT, λ_LAG, λ_HV), not of the shocks ω. */
    static final double PREMIUM_SCALE = 1.2;
    private static final double PREMIUM = PREMIUM_SCALE * BP;
    // Linear premia k, in this order; PREMIUM_MEAN[k][regime], PREMIUM_NOISE[k] (σ_λ), FACTOR_SHOCK[k] (ω).
    static final int EP = 0;
    static final int BOOK = 1;
    static final int MOM = 2;
    static final int SIZE = 3;
    static final int VOL = 4;
    static final int TURN = 5;
    static final int REV = 6;
    static final String[] PREMIUM_NAMES = {"EP", "BP", "MOM", "SIZE", "VOL", "TURN", "REV"};
    static final double[][] PREMIUM_MEAN = {
            {1.0 * PREMIUM, 2.0 * PREMIUM, 1.5 * PREMIUM},
            {0.5 * PREMIUM, 1.0 * PREMIUM, 0.75 * PREMIUM},
            {1.25 * PREMIUM, -1.25 * PREMIUM, 0.5 * PREMIUM},
            {-0.25 * PREMIUM, 0.5 * PREMIUM, -0.1 * PREMIUM},
            {-0.25 * PREMIUM, -1.25 * PREMIUM, -0.5 * PREMIUM},
            {-0.5 * PREMIUM, -0.5 * PREMIUM, -0.5 * PREMIUM},
            {-1.0 * PREMIUM, -1.0 * PREMIUM, -1.0 * PREMIUM}};
    static final double[] PREMIUM_NOISE = {1.0 * PREMIUM, 0.75 * PREMIUM, 1.5 * PREMIUM, 0.75 * PREMIUM,
            0.75 * PREMIUM, 0.5 * PREMIUM, 1.0 * PREMIUM};
    static final double PREMIUM_PERSISTENCE = 0.99;
    static final double[] FACTOR_SHOCK = {8 * BP, 6 * BP, 12 * BP, 8 * BP, 10 * BP, 5 * BP, 6 * BP};
    static final double PREMIUM_VALUE_IF_MOMENTUM = 1.0 * PREMIUM;
    static final double PREMIUM_VOLUME_CONFIRMED_MOVE = 1.0 * PREMIUM;
    static final double PENALTY_HIGH_VOLATILITY = 1.0 * PREMIUM;
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

    /** The label of the market generated from {@code config}, naming the generator version and the seed. */
    public static String label(SyntheticMarketConfig config) {
        return LABEL_PREFIX + " (generator v" + config.version() + ", seed " + config.seed() + ")";
    }

    /** The hidden plan (regime spells, premium paths) of the market generated from {@code config}. */
    static Plan plan(SyntheticMarketConfig config) {
        return new Simulation(config).plan;
    }

    /**
     * One regime spell: days [start, end) of regime {@code regime}, planned to move the log index by
     * {@code plannedChange} from the close before {@code start} to the close of {@code end − 1}.
     */
    record Spell(Regime regime, int start, int end, double plannedChange) {
        int length() {
            return end - start;
        }
    }

    /**
     * What a run decides before any stock moves.
     *
     * @param regimes      true regime of every day
     * @param spells       the spells in time order, covering every day
     * @param premia       λ_k,t: [k][day] with k as in {@link #PREMIUM_NAMES}, in daily return per σ
     * @param factorShocks ω_k ξ_k,t: [k][day], in daily return per σ
     */
    record Plan(Regime[] regimes, List<Spell> spells, double[][] premia, double[][] factorShocks) {

        static Plan draw(SplittableRandom regimeRng, SplittableRandom premiaRng, int days) {
            List<Spell> spells = spells(regimeRng, days);
            Regime[] regimes = new Regime[days];
            for (Spell spell : spells) {
                Arrays.fill(regimes, spell.start(), spell.end(), spell.regime());
            }
            int factors = PREMIUM_NAMES.length;
            double[][] premia = new double[factors][days];
            double[][] shocks = new double[factors][days];
            double scale = Math.sqrt(1 - PREMIUM_PERSISTENCE * PREMIUM_PERSISTENCE);
            for (int k = 0; k < factors; k++) {
                double eta = premiaRng.nextGaussian();
                for (int t = 0; t < days; t++) {
                    if (t > 0) {
                        eta = PREMIUM_PERSISTENCE * eta + scale * premiaRng.nextGaussian();
                    }
                    premia[k][t] = PREMIUM_MEAN[k][regimes[t].ordinal()] + PREMIUM_NOISE[k] * eta;
                    shocks[k][t] = FACTOR_SHOCK[k] * premiaRng.nextGaussian();
                }
            }
            return new Plan(regimes, List.copyOf(spells), premia, shocks);
        }

        private static List<Spell> spells(SplittableRandom rng, int days) {
            List<Spell> spells = new ArrayList<>();
            int s = pick(rng, START_PROBABILITY);
            int start = 0;
            int previous = -1;
            while (start < days) {
                int length = duration(rng, s);
                double u = rng.nextDouble();
                int next = pick(rng, TRANSITION[s]);
                if (s == Regime.SIDEWAYS.ordinal() && previous == Regime.BEAR.ordinal()) {
                    next = Regime.BULL.ordinal(); // a sideways spell after a bear market is its bottom
                }
                // A stub shorter than the next regime's minimum is no regime: this spell runs to the end instead.
                if (start + length >= days || days - start - length < MIN_SPELL[next]) {
                    length = days - start;
                }
                double change = switch (Regime.values()[s]) {
                    case BULL -> (BULL_DRIFT_MIN + u * (BULL_DRIFT_MAX - BULL_DRIFT_MIN)) * length / 252.0;
                    case BEAR -> Math.log(1 - (BEAR_FALL_MIN + u * (BEAR_FALL_MAX - BEAR_FALL_MIN)));
                    case SIDEWAYS -> 0.0;
                };
                spells.add(new Spell(Regime.values()[s], start, start + length, change));
                start += length;
                previous = s;
                s = next;
            }
            return spells;
        }

        private static int duration(SplittableRandom rng, int regime) {
            int min = MIN_SPELL[regime];
            int span = MAX_SPELL[regime] - min;
            if (regime == Regime.BEAR.ordinal()) {
                double u = rng.nextDouble();
                return min + (int) (span * u * u);
            }
            return min + rng.nextInt(span + 1);
        }

        private static int pick(SplittableRandom rng, double[] probabilities) {
            double u = rng.nextDouble();
            double cumulative = 0;
            for (int k = 0; k < probabilities.length; k++) {
                cumulative += probabilities[k];
                if (u < cumulative) {
                    return k;
                }
            }
            return probabilities.length - 1;
        }
    }

    /** One run; all state in primitive arrays [stock][day]. */
    private static final class Simulation {
        private final SyntheticMarketConfig config;
        private final LocalDate[] dates;
        private final int n;
        private final int days;
        private final SplittableRandom root;
        private final Plan plan;

        Simulation(SyntheticMarketConfig config) {
            this.config = config;
            this.dates = TradingCalendar.standard().tradingDays(config.firstDay(), config.lastDay());
            this.n = config.stockCount();
            this.days = dates.length;
            this.root = new SplittableRandom(config.seed());
            SplittableRandom regimeRng = root.split();
            SplittableRandom premiaRng = root.split();
            this.plan = Plan.draw(regimeRng, premiaRng, days);
        }

        MarketData run() {
            SplittableRandom marketRng = root.split();
            SplittableRandom industryRng = root.split();
            SplittableRandom setupRng = root.split();
            SplittableRandom[] stockRng = new SplittableRandom[n];
            for (int i = 0; i < n; i++) {
                stockRng[i] = root.split();
            }

            Regime[] regimes = plan.regimes();
            int industries = config.industryCount();
            double[] industrySigma = new double[industries];
            double[][] industryShock = industryShocks(industryRng, industrySigma, regimes);
            int[] spellOfDay = new int[days];
            for (int k = 0; k < plan.spells().size(); k++) {
                Spell spell = plan.spells().get(k);
                Arrays.fill(spellOfDay, spell.start(), spell.end(), k);
            }

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
            double[] factorReturn = new double[n];
            double[] weight = new double[n];
            double[] industryWeight = new double[industries];
            double[] lambda = new double[PREMIUM_NAMES.length];
            double[] omega = new double[PREMIUM_NAMES.length];
            double[] index = new double[days]; // log level of the cap-weighted index, 0 on day 0
            double marketVariance = sq(MARKET_VOLATILITY[regimes[0].ordinal()]);
            double marketShock = 0;
            for (int t = 0; t < days; t++) {
                int s = regimes[t].ordinal();
                double marketSize = 0;
                double marketReturn = 0;
                if (t > 0) {
                    for (int k = 0; k < lambda.length; k++) {
                        lambda[k] = plan.premia()[k][t];
                        omega[k] = plan.factorShocks()[k][t];
                    }
                    chars.alpha(t - 1, lambda, omega, ret, alpha, factorReturn);
                    double capSum = 0;
                    for (int i = 0; i < n; i++) {
                        double longRun = sq(idioVol[i]) * DISPERSION_MULTIPLIER[s];
                        idioVariance[i] = (1 - IDIO_GARCH_A - IDIO_GARCH_B) * longRun
                                + IDIO_GARCH_A * sq(idioShock[i]) + IDIO_GARCH_B * idioVariance[i];
                        weight[i] = Math.exp(logPrice[i][t - 1]) * shares[i][t - 1];
                        capSum += weight[i];
                    }
                    marketVariance = (1 - MARKET_GARCH_A - MARKET_GARCH_B) * sq(MARKET_VOLATILITY[s])
                            + MARKET_GARCH_A * sq(marketShock) + MARKET_GARCH_B * marketVariance;
                    // Expected log return of the index per unit of market drift, and the rest of it.
                    double indexBeta = 0;
                    double indexAlpha = 0;
                    double stockVariance = 0;
                    double idioPart = 0;
                    Arrays.fill(industryWeight, 0);
                    for (int i = 0; i < n; i++) {
                        double w = weight[i] / capSum;
                        weight[i] = w;
                        double industryVariance = sq(industrySigma[industryOf[i]]) * DISPERSION_MULTIPLIER[s];
                        indexBeta += w * beta[i];
                        indexAlpha += w * alpha[i];
                        stockVariance += w * (sq(beta[i]) * marketVariance + sq(industryLoading[i]) * industryVariance
                                + idioVariance[i]);
                        idioPart += sq(w) * idioVariance[i];
                        industryWeight[industryOf[i]] += w * industryLoading[i];
                    }
                    double indexVariance = sq(indexBeta) * marketVariance + idioPart;
                    for (int g = 0; g < industries; g++) {
                        indexVariance += sq(industryWeight[g]) * sq(industrySigma[g]) * DISPERSION_MULTIPLIER[s];
                    }
                    double diversification = 0.5 * (stockVariance - indexVariance);
                    Spell spell = plan.spells().get(spellOfDay[t]);
                    double drift = (plannedIndexReturn(spell, index, t) - indexAlpha - diversification) / indexBeta;
                    double sigma = Math.sqrt(marketVariance);
                    double z = clamp(studentT(marketRng), -MAX_MARKET_SHOCK, MAX_MARKET_SHOCK);
                    boolean pinned = spell.regime() == Regime.SIDEWAYS && t == spell.end() - 1;
                    marketShock = pinned ? 0 : sigma * z;
                    marketSize = Math.abs(marketShock) / sigma;
                    marketReturn = drift + marketShock;
                }
                double indexGrowth = 0;
                for (int i = 0; i < n; i++) {
                    SplittableRandom rng = stockRng[i];
                    double r = 0;
                    double shockSize = 0;
                    if (t > 0) {
                        double sigma = Math.sqrt(idioVariance[i]);
                        idioShock[i] = sigma * studentT(rng);
                        shockSize = Math.abs(idioShock[i]) / sigma;
                        r = beta[i] * marketReturn + industryLoading[i] * industryShock[industryOf[i]][t]
                                + alpha[i] + factorReturn[i] + idioShock[i];
                        int published = lastPublished(publicationDay[i], t);
                        for (int q = publishedQuarter[i] + 1; q <= published; q++) {
                            r += ANNOUNCEMENT_RESPONSE * EARNINGS_SHOCK * earningsShock[i][q];
                            if (rng.nextDouble() < 0.12) {
                                currentShares[i] = Math.max(1e5, Math.rint(
                                        currentShares[i] * Math.exp(0.03 * rng.nextGaussian()) / 1000) * 1000);
                            }
                        }
                        publishedQuarter[i] = published;
                        logPrice[i][t] = logPrice[i][t - 1] + r;
                        ret[i][t] = r;
                        indexGrowth += weight[i] * Math.exp(r);
                        double mu = Math.log(turnover[i] * currentShares[i]);
                        logVolume[i][t] = mu + 0.85 * (logVolume[i][t - 1] - mu) + 0.35 * (shockSize - 0.8)
                                + 0.2 * (marketSize - 0.8) + 0.2 * rng.nextGaussian();
                    }
                    double sigmaDay = Math.sqrt(idioVariance[i] + sq(beta[i]) * marketVariance);
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
                if (t > 0) {
                    index[t] = index[t - 1] + Math.log(indexGrowth);
                }
                chars.record(t, logPrice, ret, logVolume, volume, shares, eps, bvps);
            }

            MarketData.Builder builder = MarketData.builder(dates, instruments)
                    .label(label(config))
                    .open(open).high(high).low(low).close(close).volume(volume)
                    .sharesOutstanding(shares).earningsPerShare(eps).bookValuePerShare(bvps)
                    .trueRegimes(regimes);
            return builder.contentHash(DatasetHash.of(builder.build())).build();
        }

        /**
         * m_t: the plan's slope plus the pull back to the planned line, given the index up to the close of
         * t − 1 (the class comment's "index plan").
         */
        private static double plannedIndexReturn(Spell spell, double[] index, int t) {
            int anchorDay = Math.max(spell.start() - 1, 0);
            int last = spell.end() - 1;
            double slope = spell.plannedChange() / Math.max(1, last - anchorDay);
            double planned = index[anchorDay] + slope * (t - 1 - anchorDay);
            int ordinal = spell.regime().ordinal();
            double pull = PULL[ordinal];
            if (BRIDGED[ordinal]) {
                pull = Math.max(pull, 1.0 / (spell.end() - t));
            }
            double deviation = index[t - 1] - planned;
            double edge = 0;
            if (spell.regime() == Regime.SIDEWAYS) {
                double excess = Math.abs(deviation) - RANGE_HALF_WIDTH;
                if (excess > 0) {
                    edge = RANGE_PULL * Math.copySign(excess, deviation);
                }
            }
            return slope - pull * deviation - edge;
        }

        private double[][] industryShocks(SplittableRandom rng, double[] sigma, Regime[] regimes) {
            double[][] u = new double[sigma.length][days];
            for (int g = 0; g < sigma.length; g++) {
                sigma[g] = uniform(rng, 0.005, 0.008);
                for (int t = 1; t < days; t++) {
                    u[g][t] = sigma[g] * Math.sqrt(DISPERSION_MULTIPLIER[regimes[t].ordinal()]) * studentT(rng);
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

        /**
         * Premium α (into {@code alpha}) and factor-return shock f (into {@code shock}) of day t + 1, both
         * demeaned, given characteristics at the close of t and the day's λ_k and ω_k ξ_k.
         */
        void alpha(int t, double[] lambda, double[] omega, double[][] ret, double[] alpha, double[] shock) {
            int lagDay = t + 1 - VOLUME_SIGNAL_LAG;
            double[][] z = {zEarningsYield[t], zBookToPrice[t], zMomentum[t], zSize[t], zVolatility[t], zTurnover[t],
                    zReversal[t]};
            double meanAlpha = 0;
            double meanShock = 0;
            for (int i = 0; i < n; i++) {
                double a = 0;
                double f = 0;
                for (int k = 0; k < z.length; k++) {
                    a += lambda[k] * z[k][i];
                    f += omega[k] * z[k][i];
                }
                a += (z[MOM][i] > 0 ? PREMIUM_VALUE_IF_MOMENTUM * z[EP][i] : 0)
                        - PENALTY_HIGH_VOLATILITY * Math.max(z[VOL][i] - 1, 0);
                if (lagDay >= 1) {
                    a += PREMIUM_VOLUME_CONFIRMED_MOVE * Math.signum(ret[i][lagDay])
                            * Math.max(zAbnormalVolume[lagDay][i], 0);
                }
                alpha[i] = a;
                shock[i] = f;
                meanAlpha += a;
                meanShock += f;
            }
            meanAlpha /= n;
            meanShock /= n;
            for (int i = 0; i < n; i++) {
                alpha[i] -= meanAlpha;
                shock[i] -= meanShock;
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

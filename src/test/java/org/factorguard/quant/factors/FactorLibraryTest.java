package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every library factor on a small hand-built market whose values follow from the formulas by hand:
 * <ul>
 *   <li>A ("Tech"): P_t = 100·e^{0.001 t}, so every daily log return is 0.001; V_t = 1000 + 10 t; 1e6 shares;
 *       EPS 5, BVPS 40.</li>
 *   <li>B ("Energy"): alternates 50, 51, 50, …; V_t = 500; no shares; EPS −2, BVPS 25.</li>
 *   <li>C ("Energy"): daily log return 2·m_t + 0.0005 where m_t is the market's; no fundamentals.</li>
 *   <li>Market index imported with log returns m_t = 0.01·((t mod 3) − 1); industry indices imported:
 *       Tech = A's closes, Energy = 200·e^{0.002 t}.</li>
 * </ul>
 */
class FactorLibraryTest {

    static final int DAYS = 260;
    static MarketData data;
    static final double A_GROWTH = 0.001;
    static final double SWING = Math.log(51.0 / 50.0);

    @BeforeAll
    static void buildMarket() {
        double[] market = new double[DAYS];
        double[][] close = new double[3][DAYS];
        double[][] volume = new double[3][DAYS];
        double[][] shares = new double[3][DAYS];
        double[][] eps = new double[3][DAYS];
        double[][] bvps = new double[3][DAYS];
        double[] energy = new double[DAYS];
        for (double[] row : shares) {
            Arrays.fill(row, Double.NaN);
        }
        for (double[] row : eps) {
            Arrays.fill(row, Double.NaN);
        }
        for (double[] row : bvps) {
            Arrays.fill(row, Double.NaN);
        }
        double logMarket = Math.log(1000);
        double logC = Math.log(30);
        for (int t = 0; t < DAYS; t++) {
            if (t > 0) {
                logMarket += marketReturn(t);
                logC += 2 * marketReturn(t) + 0.0005;
            }
            market[t] = Math.exp(logMarket);
            close[0][t] = 100 * Math.exp(A_GROWTH * t);
            close[1][t] = t % 2 == 0 ? 50 : 51;
            close[2][t] = Math.exp(logC);
            volume[0][t] = 1000 + 10 * t;
            volume[1][t] = 500;
            volume[2][t] = 700;
            shares[0][t] = 1e6;
            eps[0][t] = 5;
            eps[1][t] = -2;
            bvps[0][t] = 40;
            bvps[1][t] = 25;
            energy[t] = 200 * Math.exp(0.002 * t);
        }
        data = MarketData.builder(RandomWalkMarket.weekdays(DAYS), List.of(
                        new Instrument("A", "A", "Tech"), new Instrument("B", "B", "Energy"),
                                new Instrument("C", "C", "Energy")))
                .close(close).volume(volume).sharesOutstanding(shares).earningsPerShare(eps).bookValuePerShare(bvps)
                .marketIndex(market).industryIndex("Tech", close[0].clone()).industryIndex("Energy", energy)
                .build();
    }

    static double marketReturn(int t) {
        return 0.01 * ((t % 3) - 1);
    }

    static float value(String id, int day, int instrument) {
        return FactorLibrary.byId(id).compute(data)[day][instrument];
    }

    static float[][] values(String id) {
        return FactorLibrary.byId(id).compute(data);
    }

    @Test
    void library_has_the_issue_candidates_with_unique_ids_and_documentation() {
        List<String> ids = FactorLibrary.all().stream().map(Factor::id).toList();
        assertThat(ids).containsExactly("MARKET_RETURN", "INDUSTRY_RETURN", "PE", "EP", "PB", "BP", "SIZE",
                "LOG_VOLUME",
                "VOLUME_CHANGE_20", "TURNOVER", "MOM_20", "MOM_60", "MOM_120", "MOM_12_1", "REV_5", "VOL_20", "VOL_60",
                "BETA_60", "RSI_14", "DIST_MA_20");
        assertThat(FactorLibrary.all()).allSatisfy(f -> {
            assertThat(f.formula()).isNotBlank();
            assertThat(f.description()).isNotBlank();
            assertThat(f.expectedSign()).isBetween(-1, 1);
        });
        assertThat(FactorLibrary.defaults()).extracting(Factor::id).doesNotContain("PE", "PB").contains("EP", "BP",
                "MOM_60");
        assertThat(FactorLibrary.byId("MOM_12_1").lookBackDays()).isEqualTo(252);
        assertThatThrownBy(() -> FactorLibrary.byId("NOPE")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("MOM_60");
    }

    @Test
    void market_return_is_the_index_log_return_for_every_instrument() {
        float[][] v = values("MARKET_RETURN");
        assertThat(v[0][0]).isNaN();
        for (int i = 0; i < 3; i++) {
            assertThat(v[5][i]).isCloseTo(0.01f, within(1e-6f));   // 5 mod 3 = 2 -> +0.01
            assertThat(v[6][i]).isCloseTo(-0.01f, within(1e-6f));  // 6 mod 3 = 0 -> -0.01
        }
        assertThat(FactorLibrary.byId("MARKET_RETURN").scope()).isEqualTo(FactorScope.MARKET);
    }

    @Test
    void industry_return_is_the_log_return_of_the_instruments_industry_index() {
        assertThat(value("INDUSTRY_RETURN", 0, 0)).isNaN();
        assertThat(value("INDUSTRY_RETURN", 10, 0)).isCloseTo(0.001f, within(1e-6f));
        assertThat(value("INDUSTRY_RETURN", 10, 1)).isCloseTo(0.002f, within(1e-6f));
        assertThat(value("INDUSTRY_RETURN", 10, 2)).isCloseTo(0.002f, within(1e-6f));
    }

    @Test
    void value_ratios_and_yields_follow_price_and_per_share_figures() {
        int t = 100;
        double priceA = 100 * Math.exp(0.1);
        assertThat(value("PE", t, 0)).isCloseTo((float) (priceA / 5), within(1e-4f));
        assertThat(value("EP", t, 0)).isCloseTo((float) (5 / priceA), within(1e-7f));
        assertThat(value("PE", t, 1)).as("P/E of a loss maker is not meaningful").isNaN();
        assertThat(value("EP", t, 1)).as("E/P stays defined for losses").isCloseTo(-2f / 50f, within(1e-7f));
        assertThat(value("PB", t, 0)).isCloseTo((float) (priceA / 40), within(1e-5f));
        assertThat(value("BP", t, 1)).isCloseTo(25f / 50f, within(1e-7f));
        assertThat(value("EP", t, 2)).as("no fundamentals").isNaN();
    }

    @Test
    void size_and_turnover_need_shares_outstanding() {
        int t = 50;
        double priceA = 100 * Math.exp(0.05);
        assertThat(value("SIZE", t, 0)).isCloseTo((float) Math.log(priceA * 1e6), within(1e-4f));
        assertThat(value("SIZE", t, 1)).isNaN();
        assertThat(value("TURNOVER", t, 0)).isCloseTo((1000 + 500) / 1e6f, within(1e-9f));
        assertThat(value("TURNOVER", t, 1)).isNaN();
    }

    @Test
    void volume_factors_use_log_volume_and_the_previous_twenty_day_mean() {
        assertThat(value("LOG_VOLUME", 7, 0)).isCloseTo((float) Math.log(1 + 1070), within(1e-5f));
        assertThat(value("VOLUME_CHANGE_20", 19, 0)).as("only 19 days of history").isNaN();
        // days 0..19: mean volume 1000 + 10 * 9.5 = 1095; day 20 volume 1200
        assertThat(value("VOLUME_CHANGE_20", 20, 0)).isCloseTo((float) (1200.0 / 1095.0 - 1), within(1e-6f));
        // days 80..99: mean 1000 + 10 * 89.5 = 1895; day 100 volume 2000
        assertThat(value("VOLUME_CHANGE_20", 100, 0)).isCloseTo((float) (2000.0 / 1895.0 - 1), within(1e-6f));
        assertThat(value("VOLUME_CHANGE_20", 100, 1)).isCloseTo(0f, within(1e-7f));
    }

    @Test
    void momentum_is_the_log_return_over_the_window_and_twelve_minus_one_skips_the_last_month() {
        assertThat(value("MOM_20", 19, 0)).isNaN();
        assertThat(value("MOM_20", 20, 0)).isCloseTo(0.020f, within(1e-6f));
        assertThat(value("MOM_60", 59, 0)).isNaN();
        assertThat(value("MOM_60", 60, 0)).isCloseTo(0.060f, within(1e-6f));
        assertThat(value("MOM_120", 200, 0)).isCloseTo(0.120f, within(1e-6f));
        assertThat(value("MOM_12_1", 251, 0)).isNaN();
        assertThat(value("MOM_12_1", 252, 0)).isCloseTo(0.231f, within(1e-6f)); // ln(P_231 / P_0)
        // B on an even day t: P_t = 50 and P_{t-20} = 50
        assertThat(value("MOM_20", 40, 1)).isCloseTo(0f, within(1e-7f));
        assertThat(value("MOM_20", 41, 1)).isCloseTo(0f, within(1e-7f));
    }

    @Test
    void short_term_reversal_is_minus_the_five_day_log_return() {
        assertThat(value("REV_5", 4, 0)).isNaN();
        assertThat(value("REV_5", 5, 0)).isCloseTo(-0.005f, within(1e-6f));
        // B: odd day 41 (51) vs day 36 (50)
        assertThat(value("REV_5", 41, 1)).isCloseTo((float) -SWING, within(1e-6f));
    }

    @Test
    void volatility_is_the_sample_sd_of_daily_log_returns() {
        assertThat(value("VOL_20", 19, 1)).as("20 returns need 21 closes").isNaN();
        // 20 alternating returns ±s: mean 0, sum of squares 20 s², sd = s·sqrt(20/19)
        assertThat(value("VOL_20", 20, 1)).isCloseTo((float) (SWING * Math.sqrt(20.0 / 19.0)), within(1e-6f));
        assertThat(value("VOL_60", 100, 1)).isCloseTo((float) (SWING * Math.sqrt(60.0 / 59.0)), within(1e-6f));
        assertThat(value("VOL_20", 100, 0)).as("constant returns").isCloseTo(0f, within(1e-7f));
    }

    @Test
    void beta_is_the_slope_on_market_returns() {
        assertThat(value("BETA_60", 59, 2)).isNaN();
        assertThat(value("BETA_60", 60, 2)).isCloseTo(2f, within(1e-4f));
        assertThat(value("BETA_60", 200, 2)).isCloseTo(2f, within(1e-4f));
        assertThat(value("BETA_60", 200, 0)).as("constant returns do not co-move").isCloseTo(0f, within(1e-4f));
    }

    @Test
    void rsi_uses_wilder_smoothing() {
        assertThat(value("RSI_14", 13, 1)).isNaN();
        // B: changes +1 on odd days, -1 on even days; days 1..14 hold 7 gains and 7 losses of 1
        double gain = 7.0 / 14;
        double loss = 7.0 / 14;
        assertThat(value("RSI_14", 14, 1)).isCloseTo(50f, within(1e-4f));
        gain = (gain * 13 + 1) / 14;  // day 15: +1
        loss = (loss * 13) / 14;
        assertThat(value("RSI_14", 15, 1)).isCloseTo((float) (100 - 100 / (1 + gain / loss)), within(1e-4f));
        gain = (gain * 13) / 14;      // day 16: -1
        loss = (loss * 13 + 1) / 14;
        assertThat(value("RSI_14", 16, 1)).isCloseTo((float) (100 - 100 / (1 + gain / loss)), within(1e-4f));
        assertThat(value("RSI_14", 30, 0)).as("only gains").isCloseTo(100f, within(1e-4f));
    }

    @Test
    void distance_to_moving_average_compares_the_close_to_the_last_twenty_closes() {
        assertThat(value("DIST_MA_20", 18, 1)).isNaN();
        // B at odd day 19: closes days 0..19 are ten 50s and ten 51s, mean 50.5, close 51
        assertThat(value("DIST_MA_20", 19, 1)).isCloseTo((float) (51 / 50.5 - 1), within(1e-6f));
        assertThat(value("DIST_MA_20", 20, 1)).isCloseTo((float) (50 / 50.5 - 1), within(1e-6f));
        double mean = 0;
        for (int k = 0; k < 20; k++) {
            mean += Math.exp(-A_GROWTH * k);
        }
        mean /= 20;  // mean of P_{t-k} / P_t
        assertThat(value("DIST_MA_20", 150, 0)).isCloseTo((float) (1 / mean - 1), within(1e-6f));
    }

    @Test
    void a_missing_close_blanks_price_factors_that_need_it() {
        double[][] close = Arrays.stream(data.close()).map(double[]::clone).toArray(double[][]::new);
        close[0][100] = Double.NaN;
        MarketData gap = MarketData.builder(data.dates(),
                data.instruments()).close(close).marketIndex(data.marketIndex()).build();
        float[][] momentum = FactorLibrary.byId("MOM_20").compute(gap);
        assertThat(momentum[100][0]).isNaN();
        assertThat(momentum[120][0]).isNaN();
        assertThat(momentum[121][0]).isCloseTo(0.020f, within(1e-6f));
        float[][] vol = FactorLibrary.byId("VOL_20").compute(gap);
        assertThat(vol[120][0]).as("window holds the missing return").isNaN();
        assertThat(vol[121][0]).as("returns 102..121 are complete").isCloseTo(0f, within(1e-6f));
        assertThat(vol[101][0]).isNaN();
        float[][] rsi = FactorLibrary.byId("RSI_14").compute(gap);
        assertThat(rsi[114][0]).as("warm-up restarts after the gap").isNaN();
        assertThat(rsi[115][0]).isCloseTo(100f, within(1e-4f));
    }
}

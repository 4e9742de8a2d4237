package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DataCleanerTest {

    private static final int DAYS = 250;

    /** A random walk with 1 % daily volatility, seeded. */
    private static double[] randomWalk(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[DAYS];
        p[0] = 50;
        for (int t = 1; t < DAYS; t++) {
            p[t] = p[t - 1] * Math.exp(0.01 * rng.nextGaussian());
        }
        return p;
    }

    private static MarketData market(double[]... closes) {
        LocalDate[] dates = TradingCalendar.standard().tradingDays(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 6, 30));
        dates = Arrays.copyOf(dates, DAYS);
        List<Instrument> instruments = java.util.stream.IntStream.range(0, closes.length)
                .mapToObj(i -> new Instrument("S" + i, null, "Ind")).toList();
        double[][] volume = new double[closes.length][DAYS];
        for (double[] v : volume) {
            Arrays.fill(v, 1000);
        }
        return MarketData.builder(dates, instruments).label("crafted").close(closes).volume(volume).build();
    }

    @Test
    void a_spike_is_flagged_and_winsorised_without_moving_later_prices() {
        double[] clean = randomWalk(1);
        double[] spiked = clean.clone();
        spiked[100] = clean[100] * 3;
        CleaningResult result = new DataCleaner().clean(market(spiked));
        InstrumentCleaning entry = result.report().of("S0");
        assertThat(entry.dropped()).isFalse();
        assertThat(entry.outliersWinsorised()).isBetween(1, 2);
        double cleanedSpike = result.cleaned().close()[0][100];
        assertThat(cleanedSpike / clean[99]).isLessThan(1.10); // bounded by 5 · 1.4826 · MAD ≈ 5 %
        assertThat(result.cleaned().close()[0][150]).isEqualTo(clean[150]);
        assertThat(result.report().outliersWinsorised()).isEqualTo(entry.outliersWinsorised());
    }

    @Test
    void a_series_without_outliers_is_left_alone() {
        double[] clean = randomWalk(2);
        CleaningResult result = new DataCleaner(new CleaningSettings(8, 5, 0.2)).clean(market(clean));
        assertThat(result.report().of("S0").outliersWinsorised()).isZero();
        assertThat(result.cleaned().close()[0]).containsExactly(clean);
    }

    @Test
    void a_two_day_gap_is_filled_by_log_linear_interpolation() {
        double[] gapped = randomWalk(3);
        gapped[50] = Double.NaN;
        gapped[51] = Double.NaN;
        CleaningResult result = new DataCleaner().clean(market(gapped));
        InstrumentCleaning entry = result.report().of("S0");
        assertThat(entry.daysInterpolated()).isEqualTo(2);
        assertThat(entry.longestGap()).isEqualTo(2);
        double[] c = result.cleaned().close()[0];
        double step = Math.log(gapped[52] / gapped[49]) / 3;
        assertThat(Math.log(c[50] / c[49])).isCloseTo(step, within(1e-12));
        assertThat(Math.log(c[51] / c[50])).isCloseTo(step, within(1e-12));
        assertThat(result.cleaned().open()[0][50]).isEqualTo(c[50]);
        assertThat(result.cleaned().volume()[0][51]).isEqualTo(1000.0);
        assertThat(result.report().daysInterpolated()).isEqualTo(2);
    }

    @Test
    void a_thirty_day_gap_drops_the_instrument() {
        double[] gapped = randomWalk(4);
        Arrays.fill(gapped, 100, 130, Double.NaN);
        CleaningResult result = new DataCleaner().clean(market(randomWalk(5), gapped));
        InstrumentCleaning entry = result.report().of("S1");
        assertThat(entry.dropped()).isTrue();
        assertThat(entry.longestGap()).isEqualTo(30);
        assertThat(entry.dropReason()).contains("gap of 30 trading days");
        assertThat(result.cleaned().instruments()).extracting(Instrument::ticker).containsExactly("S0");
        assertThat(result.report().instrumentsDropped()).isEqualTo(1);
        assertThat(result.report().instrumentsKept()).isEqualTo(1);
    }

    @Test
    void a_late_listing_is_not_a_gap() {
        double[] listedLater = randomWalk(6);
        Arrays.fill(listedLater, 0, 120, Double.NaN);
        CleaningResult result = new DataCleaner().clean(market(listedLater));
        InstrumentCleaning entry = result.report().of("S0");
        assertThat(entry.dropped()).isFalse();
        assertThat(entry.daysMissing()).isEqualTo(120);
        assertThat(entry.daysInterpolated()).isZero();
        assertThat(result.cleaned().close()[0][119]).isNaN();
    }

    @Test
    void too_many_short_gaps_drop_the_instrument() {
        double[] holey = randomWalk(7);
        for (int t = 1; t < DAYS - 1; t += 4) {
            holey[t] = Double.NaN; // 25 % missing, each gap one day
        }
        CleaningResult result = new DataCleaner().clean(market(holey));
        InstrumentCleaning entry = result.report().of("S0");
        assertThat(entry.dropped()).isTrue();
        assertThat(entry.dropReason()).contains("% of the listed trading days are missing");
    }

    @Test
    void an_imported_market_index_is_kept() {
        MarketData data = market(randomWalk(8));
        double[] index = new double[DAYS];
        Arrays.fill(index, 100);
        MarketData withIndex = MarketData.builder(data.dates(), data.instruments()).close(data.close())
                .marketIndex(index).build();
        MarketData cleaned = new DataCleaner().clean(withIndex).cleaned();
        assertThat(cleaned.marketIndexMethod()).isEqualTo(IndexMethod.IMPORTED);
        assertThat(cleaned.marketIndex()).containsExactly(index);
        assertThat(cleaned.contentHash()).isEqualTo(DatasetHash.of(cleaned));
    }

    @Test
    void log_returns_start_with_nan() {
        assertThat(LogReturns.logReturns(new double[] {10, 11, Double.NaN, 12}))
                .containsExactly(Double.NaN, Math.log(1.1), Double.NaN, Double.NaN);
    }
}

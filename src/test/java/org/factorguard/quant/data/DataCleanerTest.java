package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataCleanerTest {

    @Test
    void prices_are_stored_as_imported_and_the_hash_is_of_what_is_stored() {
        double[][] closes = TestPanels.walks(8, 1);
        closes[3][200] *= 10;
        closes[5][150] = Double.NaN;
        MarketData raw = TestPanels.market(closes);
        CleaningResult result = new DataCleaner().clean(raw);
        for (int i = 0; i < 8; i++) {
            assertThat(result.cleaned().close()[i]).containsExactly(raw.close()[i]);
        }
        assertThat(result.cleaned().contentHash()).isEqualTo(DatasetHash.of(result.cleaned()));
        assertThat(result.report().pricesAsImported()).isTrue();
        assertThat(result.report().outliersWinsorised()).isZero();
        assertThat(result.report().daysInterpolated()).isZero();
        assertThat(result.report().gapDays()).isEqualTo(1);
        assertThat(result.report().of("S05").gapDays()).isEqualTo(1);
    }

    @Test
    void a_ten_fold_spike_that_reverts_is_listed_with_its_raw_and_repaired_close() {
        double[][] closes = TestPanels.walks(8, 2);
        closes[3][200] *= 10;
        CleaningResult result = new DataCleaner().clean(TestPanels.market(closes));
        assertThat(result.report().badTicks()).singleElement().satisfies(r -> {
            assertThat(r.ticker()).isEqualTo("S03");
            assertThat(r.date()).isEqualTo(TestPanels.dates(TestPanels.DAYS)[200]);
            assertThat(r.rawClose()).isEqualTo(closes[3][200]);
            assertThat(r.repairedClose()).isBetween(closes[3][199] * 0.95, closes[3][199] * 1.05);
            assertThat(r.reason()).contains("reverted");
        });
        assertThat(result.report().of("S03").badTicks()).isEqualTo(1);
        assertThat(result.report().summary()).contains("prices stored as imported; 1 bad tick repaired in P&L only");
    }

    @Test
    void a_thirty_day_gap_drops_the_instrument() {
        double[][] closes = TestPanels.walks(2, 4);
        Arrays.fill(closes[1], 100, 130, Double.NaN);
        CleaningResult result = new DataCleaner().clean(TestPanels.market(closes));
        InstrumentCleaning entry = result.report().of("S01");
        assertThat(entry.dropped()).isTrue();
        assertThat(entry.longestGap()).isEqualTo(30);
        assertThat(entry.dropReason()).contains("gap of 30 trading days");
        assertThat(result.cleaned().instruments()).extracting(Instrument::ticker).containsExactly("S00");
        assertThat(result.report().instrumentsDropped()).isEqualTo(1);
        assertThat(result.report().instrumentsKept()).isEqualTo(1);
    }

    @Test
    void a_late_listing_is_not_a_gap() {
        double[][] closes = TestPanels.walks(1, 6);
        Arrays.fill(closes[0], 0, 120, Double.NaN);
        CleaningResult result = new DataCleaner().clean(TestPanels.market(closes));
        InstrumentCleaning entry = result.report().of("S00");
        assertThat(entry.dropped()).isFalse();
        assertThat(entry.daysMissing()).isEqualTo(120);
        assertThat(entry.gapDays()).isZero();
        assertThat(result.cleaned().close()[0][119]).isNaN();
    }

    @Test
    void too_many_short_gaps_drop_the_instrument() {
        double[][] closes = TestPanels.walks(1, 7);
        for (int t = 1; t < TestPanels.DAYS - 1; t += 4) {
            closes[0][t] = Double.NaN; // 25 % missing, each gap one day
        }
        CleaningResult result = new DataCleaner().clean(TestPanels.market(closes));
        InstrumentCleaning entry = result.report().of("S00");
        assertThat(entry.dropped()).isTrue();
        assertThat(entry.dropReason()).contains("% of the listed trading days are missing");
    }

    @Test
    void an_imported_market_index_is_kept() {
        MarketData data = TestPanels.market(TestPanels.walks(1, 8));
        double[] index = new double[TestPanels.DAYS];
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

package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataCodecTest {

    @Test
    void synthetic_market_round_trips_exactly() {
        MarketData original = SyntheticMarket.generate(new SyntheticMarketConfig(5, 30, 4, LocalDate.of(2015, 1, 1),
                LocalDate.of(2016, 12, 31)));
        byte[] bytes = MarketDataCodec.encode(original);
        MarketData decoded = MarketDataCodec.decode(bytes);
        assertThat(decoded.label()).isEqualTo(original.label());
        assertThat(decoded.contentHash()).isEqualTo(original.contentHash());
        assertThat(decoded.dates()).containsExactly(original.dates());
        assertThat(decoded.instruments()).isEqualTo(original.instruments());
        assertThat(decoded.trueRegimes()).containsExactly(original.trueRegimes());
        assertThat(decoded.close()).isDeepEqualTo(original.close());
        assertThat(decoded.volume()).isDeepEqualTo(original.volume());
        assertThat(decoded.priceToBook()).isDeepEqualTo(original.priceToBook());
        assertThat(decoded.marketIndex()).containsExactly(original.marketIndex());
        assertThat(decoded.industryIndices().keySet()).containsExactlyElementsOf(original.industryIndices().keySet());
        assertThat(DatasetHash.of(decoded)).isEqualTo(original.contentHash());
        System.out.printf("encoded %d instruments x %d days in %d bytes%n", original.instrumentCount(),
                original.dayCount(), bytes.length);
    }

    @Test
    void nan_values_imported_indices_and_a_missing_hash_round_trip() {
        LocalDate[] dates = {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3)};
        MarketData original = MarketData.builder(dates, List.of(new Instrument("A", "Alpha", "X")))
                .close(new double[][] {{1.5, Double.NaN}}).marketIndex(new double[] {100, 101})
                .industryIndex("X", new double[] {50, Double.NaN}).build();
        MarketData decoded = MarketDataCodec.decode(MarketDataCodec.encode(original));
        assertThat(decoded.contentHash()).isNull();
        assertThat(decoded.label()).isEmpty();
        assertThat(decoded.close()[0]).containsExactly(1.5, Double.NaN);
        assertThat(decoded.open()[0]).containsExactly(Double.NaN, Double.NaN);
        assertThat(decoded.marketIndexMethod()).isEqualTo(IndexMethod.IMPORTED);
        assertThat(decoded.industryIndex("X")).containsExactly(50, Double.NaN);
        assertThat(decoded.industryIndexMethod()).isEqualTo(IndexMethod.IMPORTED);
        assertThat(decoded.trueRegimes()).isNull();
        assertThat(DatasetHash.of(decoded)).isEqualTo(DatasetHash.of(original));
    }

    @Test
    void foreign_bytes_are_rejected() {
        assertThatThrownBy(() -> MarketDataCodec.decode(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad magic");
        assertThatThrownBy(() -> MarketDataCodec.decode(new byte[] {'F', 'G', 'M', 'D', 0, 0, 0, 9}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
    }
}

package org.factorguard.quant.factors;

import java.util.List;
import java.util.stream.IntStream;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;

/**
 * Computes a set of factors on market data into a raw {@link FactorPanel} and prepares it
 * cross-sectionally with {@link CrossSectionalPreparation}. Factors are computed in parallel
 * (common fork-join pool); each factor only reads the immutable market data.
 */
public final class FactorPanelBuilder {

    private FactorPanelBuilder() {
    }

    /** Raw values of {@code factors} in the given order (not prepared). */
    public static FactorPanel raw(MarketData data, List<Factor> factors) {
        float[][][] values = new float[factors.size()][][];
        IntStream.range(0, factors.size()).parallel().forEach(f -> values[f] = factors.get(f).compute(data));
        List<String> tickers = data.instruments().stream().map(Instrument::ticker).toList();
        return new FactorPanel(factors.stream().map(Factor::id).toList(), data.dates(), tickers, values, false);
    }

    /** Raw values, then cross-sectional preparation with {@code settings}. */
    public static CrossSectionalPreparation.Result prepared(MarketData data, List<Factor> factors,
                                                           CrossSectionalPreparation.Settings settings) {
        return new CrossSectionalPreparation(settings).prepare(raw(data, factors), data, factors);
    }
}

package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorPanel;

/**
 * Test fixture with a known return model: r<sub>i,d</sub> = β<sub>i</sub> m<sub>d</sub> + g<sub>j(i),d</sub> +
 * z<sub>i</sub> s<sub>d</sub> + ε<sub>i,d</sub> on weekdays, three industries (name i in industry i mod 3),
 * β<sub>i</sub> spread evenly over [0.5, 1.5], a persistent style value z<sub>i</sub> (plus a pure-noise second
 * style), and an imported market index that moves by m<sub>d</sub>.
 */
final class AttributionMarket {

    static final List<String> INDUSTRIES = List.of("Tech", "Energy", "Health");

    final MarketData data;
    final double[] beta;
    final float[][][] styles;

    private AttributionMarket(MarketData data, double[] beta, float[][][] styles) {
        this.data = data;
        this.beta = beta;
        this.styles = styles;
    }

    /**
     * @param industryVolatility sd of the daily industry shocks g (0 = none)
     * @param styleVolatility    sd of the daily style premium s (0 = none)
     */
    static AttributionMarket generate(int names, int days, double industryVolatility, double styleVolatility,
                                      double specificVolatility, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] beta = new double[names];
        float[] z = new float[names];
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            beta[i] = 0.5 + (double) i / (names - 1);
            z[i] = (float) gaussian(random);
            instruments.add(new Instrument("S" + i, null, INDUSTRIES.get(i % 3)));
        }
        float[][][] styles = new float[2][days][names];
        double[][] close = new double[names][days];
        double[] index = new double[days];
        index[0] = 1000;
        for (int i = 0; i < names; i++) {
            close[i][0] = 100;
        }
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < names; i++) {
                styles[0][d][i] = z[i] + (float) (0.1 * gaussian(random));
                styles[1][d][i] = (float) gaussian(random);
            }
            if (d == 0) {
                continue;
            }
            double m = 0.0004 + 0.01 * gaussian(random);
            double[] g = new double[3];
            for (int j = 0; j < 3; j++) {
                g[j] = industryVolatility * gaussian(random);
            }
            double s = styleVolatility * gaussian(random);
            index[d] = index[d - 1] * (1 + m);
            for (int i = 0; i < names; i++) {
                double r = beta[i] * m + g[i % 3] + z[i] * s + specificVolatility * gaussian(random);
                close[i][d] = close[i][d - 1] * (1 + r);
            }
        }
        MarketData data = MarketData.builder(weekdays(days), instruments).close(close).marketIndex(index).build();
        return new AttributionMarket(data, beta, styles);
    }

    FactorPanel stylePanel() {
        List<String> tickers = data.instruments().stream().map(Instrument::ticker).toList();
        return new FactorPanel(List.of("Value", "Noise"), data.dates(), tickers, styles, true);
    }

    static LocalDate[] weekdays(int n) {
        LocalDate[] dates = new LocalDate[n];
        LocalDate d = LocalDate.of(2021, 1, 4);
        for (int i = 0; i < n; i++) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            dates[i] = d;
            d = d.plusDays(1);
        }
        return dates;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}

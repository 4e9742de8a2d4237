package org.factorguard.quant.study;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.regimes.RegimeDetector;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.regimes.RegimeSettings;

/**
 * Table 2 of Li, Gu et al. (2025): the {@link RegimeDetector} on the market index over the backtests' return
 * days, every portfolio's performance per detected regime ({@link RegimeReport}), and, on synthetic data, the
 * share of days on which the detected regime agrees with the true one.
 */
final class MarketRegimeAnalysis {

    private MarketRegimeAnalysis() {
    }

    /**
     * @param start      the backtests' first day (returns from start + 1)
     * @param end        the backtests' last day
     * @param portfolios the portfolios whose daily returns are tabulated per regime
     */
    static StudyResult.RegimeAnalysis analyse(RegimeSettings settings, MarketData data, int start, int end,
                                              List<StudyResult.Portfolio> portfolios) {
        Regime[] all = new RegimeDetector(settings).detect(data.marketIndex());
        Regime[] detected = Arrays.copyOfRange(all, start + 1, end + 1);
        Regime[] truth = data.trueRegimes() == null ? null
                : Arrays.copyOfRange(data.trueRegimes(), start + 1, end + 1);
        double agreement = truth == null ? Double.NaN : RegimeDetector.agreement(detected, truth);
        Map<String, double[]> returns = new LinkedHashMap<>();
        portfolios.forEach(p -> returns.put(p.name(), p.returns()));
        return new StudyResult.RegimeAnalysis(detected, truth, agreement, RegimeReport.of(detected, returns).rows());
    }
}

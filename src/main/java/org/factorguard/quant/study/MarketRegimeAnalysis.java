package org.factorguard.quant.study;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.regimes.RegimeAgreement;
import org.factorguard.quant.regimes.RegimeDating;
import org.factorguard.quant.regimes.RegimeDatingResult;
import org.factorguard.quant.regimes.RegimeDatingSettings;
import org.factorguard.quant.regimes.RegimeReport;

/**
 * Table 2 of Li, Gu et al. (2025): the market index of the studied days dated by {@link RegimeDating} (bull and
 * bear peak to trough by Lunde–Timmermann, with a trading-range rule for sideways markets), every portfolio's
 * performance per ex-post regime ({@link RegimeReport}) over the backtests' return days, the causal view (what a
 * manager could have known on the day) with its own table, and, on synthetic data, the agreement of both views with
 * the generator's true regimes: share of days, Cohen's κ and the majority baseline ({@link RegimeAgreement}).
 */
final class MarketRegimeAnalysis {

    private MarketRegimeAnalysis() {
    }

    /**
     * @param start      the backtests' first day (returns from start + 1)
     * @param end        the backtests' last day
     * @param portfolios the portfolios whose daily returns are tabulated per regime
     */
    static StudyResult.RegimeAnalysis analyse(RegimeDatingSettings settings, MarketData data, int start, int end,
                                              List<StudyResult.Portfolio> portfolios) {
        // the whole studied index is dated, so that a phase under way when the backtest starts is recognised
        RegimeDatingResult dated = RegimeDating.of(settings).date(data.marketIndex());
        Regime[] exPost = Arrays.copyOfRange(dated.exPost(), start + 1, end + 1);
        Regime[] causal = Arrays.copyOfRange(dated.causal(), start + 1, end + 1);
        Regime[] truth = data.trueRegimes() == null ? null
                : Arrays.copyOfRange(data.trueRegimes(), start + 1, end + 1);
        Map<String, double[]> returns = new LinkedHashMap<>();
        portfolios.forEach(p -> returns.put(p.name(), p.returns()));
        StudyResult.AgreementWithTruth exPostAgreement = truth == null ? null
                : StudyResult.AgreementWithTruth.of(RegimeAgreement.of(exPost, truth));
        StudyResult.AgreementWithTruth causalAgreement = truth == null ? null
                : StudyResult.AgreementWithTruth.of(RegimeAgreement.of(causal, truth));
        StudyResult.RegimeDating dating = new StudyResult.RegimeDating(dated.method(), dated.parameters(), causal,
                RegimeReport.of(causal, returns).rows(), exPostAgreement, causalAgreement,
                explanation(dated, exPostAgreement, causalAgreement));
        return new StudyResult.RegimeAnalysis(exPost, truth,
                exPostAgreement == null ? Double.NaN : exPostAgreement.agreement(),
                RegimeReport.of(exPost, returns).rows(), dating);
    }

    private static String explanation(RegimeDatingResult dated, StudyResult.AgreementWithTruth exPost,
                                      StudyResult.AgreementWithTruth causal) {
        String method = "Regimes are dated after the fact on the market index (" + dated.method() + "; "
                + dated.parameters() + "); the causal view shows what a manager could have known on the day.";
        if (exPost == null) {
            return method;
        }
        return method + String.format(Locale.ROOT, " On this synthetic market the dating agrees with the generator's "
                        + "true regimes on %.0f %% of the days (Cohen's κ %.2f; always saying \"%s\" would score "
                        + "%.0f %%), the causal view on %.0f %% (κ %.2f).", 100 * exPost.agreement(), exPost.kappa(),
                exPost.majorityRegime() == null ? "-" : exPost.majorityRegime().label(),
                100 * exPost.majorityAgreement(), 100 * causal.agreement(), causal.kappa());
    }
}

package org.factorguard.reports.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.factorguard.quant.backtest.Delisting;
import org.factorguard.quant.data.PriceRepair;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;

/** Study results for report tests: the stored method-1 result, and the same given issue 13's overlay and data. */
public final class BacktestRulesResults {

    private BacktestRulesResults() {
    }

    public static StudyResult methodOne() {
        try (InputStream in = BacktestRulesResults.class.getResourceAsStream(
                "/org/factorguard/quant/study/study-result-method-1.json.gz")) {
            return StudyResultJson.read(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The method-1 result as method version 3: both model portfolios with an overlay (the LSTM's exposure 1 for the
     * first half, 0.5 for a day, then 0 to the end; the linear model's always 1), their own returns doubled as the
     * "without overlay" returns, one repaired bad tick and one delisting of the LSTM.
     */
    public static StudyResult withOverlay() {
        StudyResult old = methodOne();
        LocalDate[] dates = old.returnDates();
        int n = dates.length;
        List<StudyResult.Portfolio> portfolios = new ArrayList<>();
        for (StudyResult.Portfolio p : old.portfolios()) {
            boolean lstm = p.name().equals(StudyResult.LSTM);
            if (!lstm && !p.name().equals(StudyResult.LINEAR)) {
                portfolios.add(p);
                continue;
            }
            double[] exposure = new double[n];
            Arrays.fill(exposure, 1.0);
            List<LocalDate> acted = new ArrayList<>();
            if (lstm) {
                exposure[n / 2] = 0.5;
                Arrays.fill(exposure, n / 2 + 1, n, 0.0);
                acted.add(dates[n / 2 - 1]);
                acted.add(dates[n / 2]);
            }
            double[] without = Arrays.stream(p.returns()).map(x -> 2 * x).toArray();
            double worst = Arrays.stream(p.returns()).min().orElse(0);
            StudyResult.DrawdownOverlayResult overlay = new StudyResult.DrawdownOverlayResult(0.2,
                    p.summary().maxDrawdown(), worst, -p.summary().maxDrawdown() <= 0.2 - worst, exposure, acted,
                    without, PerformanceMetrics.summarise(without), "cushion rule, m = 2");
            List<Delisting> delistings = lstm
                    ? List.of(new Delisting("S007", dates[10], dates[11], 0.05)) : List.of();
            portfolios.add(new StudyResult.Portfolio(p.name(), p.returns(), p.equity(), p.drawdown(),
                    p.grossExposure(), p.summary(), p.rebalances(), overlay, delistings));
        }
        StudyResult.DataTreatment treatment = new StudyResult.DataTreatment(
                List.of(new PriceRepair("S003", dates[5], 412.0, 41.3, "×10 spike that reverted")), 17, 4,
                0.0, "prices as imported; model inputs cleaned causally");
        return new StudyResult(old.codeVersion(), old.datasetLabel(), old.datasetHash(), old.syntheticData(),
                old.seed(), old.config(), old.notes(), old.timings(), old.selection(), old.factorMissing(),
                old.models(), dates, portfolios, old.currentAllocations(), old.regimes(), old.optimisationDegree(),
                old.significance(), StudyResult.METHOD_VERSION, treatment, null, null);
    }
}

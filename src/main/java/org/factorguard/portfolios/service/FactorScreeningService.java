package org.factorguard.portfolios.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.factors.Factor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.factors.FactorAvailability;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.factors.QuantileAnalysis;
import org.factorguard.quant.factors.QuantileSettings;
import org.factorguard.quant.factors.QuantileSummary;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.TearSheet;
import org.factorguard.quant.factors.FactorScreen;
import org.factorguard.quant.factors.ScreeningReport;
import org.factorguard.quant.factors.ScreeningSettings;
import org.factorguard.quant.study.FactorSelectionSettings;
import org.factorguard.quant.study.StudyConfig;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The factor screening report of a portfolio: every candidate of the library on the portfolio's universe and
 * dates, judged at the models' horizon ({@link #SCREENING}). Takes seconds, so views call it off the UI thread;
 * results are kept for the last few portfolio states (keyed by the dataset's content hash and the settings that
 * matter).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class FactorScreeningService {

    /**
     * The screen's settings: the default rule judged at the models' forward horizon (20 days), with the 1/5/20-day
     * decay; the same rule as each walk-forward fold's own screen, so the page shows what a fold would select.
     */
    public static final ScreeningSettings SCREENING = FactorSelectionSettings.screenedPerFold(
            StudyConfig.defaults().horizon()).screening();

    private static final int CACHED_REPORTS = 8;

    private final PortfolioService portfolios;
    private final Map<String, ScreeningReport> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScreeningReport> eldest) {
            return size() > CACHED_REPORTS;
        }
    };

    private final Map<String, FactorQuintiles> quintileCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FactorQuintiles> eldest) {
            return size() > CACHED_REPORTS;
        }
    };

    public FactorScreeningService(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    /**
     * Screens the library candidates for the portfolio (owner-checked); factors its data cannot supply are left
     * out ({@link PortfolioService#portfolioFactorAvailability} says which and why).
     */
    public ScreeningReport screen(long portfolioId) {
        PortfolioDetail portfolio = portfolios.find(portfolioId);
        MarketData all = portfolios.dataOf(portfolioId);
        PortfolioSettings s = portfolio.settings();
        FactorAvailability availability = PortfolioService.availabilityOn(all, s);
        List<Factor> candidates = candidates(s.factorIds()).stream().filter(f -> availability.canSupply(f.id()))
                .toList();
        if (candidates.isEmpty()) {
            throw new org.factorguard.shared.ValidationProblemException("factors",
                    "the data can supply none of the candidate factors");
        }
        String key = all.contentHash() + "|" + s.universeMode() + s.industries() + s.tickers() + "|" + s.startDate()
                + "|" + s.endDate() + "|" + candidates.stream().map(Factor::id).toList();
        synchronized (cache) {
            ScreeningReport cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MarketData data = restrict(all, s);
        ScreeningReport report = new FactorScreen(SCREENING)
                .screen(data, candidates, CrossSectionalPreparation.Settings.defaults());
        synchronized (cache) {
            cache.put(key, report);
        }
        return report;
    }

    /**
     * The library's default candidates (P/E and P/B are left out: their yields E/P and B/P carry the same
     * information), plus any factor the portfolio already uses, so that its current choice is always shown.
     */
    static List<Factor> candidates(List<String> chosen) {
        List<Factor> list = new ArrayList<>(FactorLibrary.defaults());
        for (Factor f : FactorLibrary.all()) {
            if (chosen.contains(f.id()) && !list.contains(f)) {
                list.add(f);
            }
        }
        return list;
    }

    static MarketData restrict(MarketData all, PortfolioSettings s) {
        int[] members = s.universe().select(all);
        MarketData selected = members.length == all.instrumentCount() ? all : all.select(members);
        int from = 0;
        int to = selected.dayCount();
        if (s.startDate() != null) {
            int i = Arrays.binarySearch(selected.dates(), s.startDate());
            from = i >= 0 ? i : -i - 1;
        }
        if (s.endDate() != null) {
            int i = Arrays.binarySearch(selected.dates(), s.endDate());
            to = i >= 0 ? i + 1 : -i - 1;
        }
        if (from == 0 && to == selected.dayCount()) {
            return selected;
        }
        if (to - from < 2) {
            throw new org.factorguard.shared.ValidationProblemException("startDate",
                    "The date range holds fewer than two trading days of this dataset");
        }
        return selected.slice(from, to);
    }

    /**
     * Returns by quintile of every screenable candidate (as {@link #screen}: owner-checked, same candidates) at the
     * study's horizon, over all days of the portfolio's dates.
     */
    public FactorQuintiles quintiles(long portfolioId) {
        PortfolioDetail portfolio = portfolios.find(portfolioId);
        MarketData all = portfolios.dataOf(portfolioId);
        PortfolioSettings s = portfolio.settings();
        FactorAvailability availability = PortfolioService.availabilityOn(all, s);
        List<Factor> candidates = candidates(s.factorIds()).stream().filter(f -> availability.canSupply(f.id()))
                .toList();
        String key = all.contentHash() + "|" + s.universeMode() + s.industries() + s.tickers() + "|" + s.startDate()
                + "|" + s.endDate() + "|" + candidates.stream().map(Factor::id).toList();
        synchronized (quintileCache) {
            FactorQuintiles cached = quintileCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MarketData data = restrict(all, s);
        int horizon = StudyConfig.defaults().horizon();
        FactorPanel panel = FactorPanelBuilder.prepared(data, candidates, CrossSectionalPreparation.Settings.defaults())
                .panel();
        double[][] labels = ForwardReturns.logReturns(data, horizon);
        double[][] nextDay = ForwardReturns.logReturns(data, 1);
        List<FactorQuintiles.Row> rows = new ArrayList<>();
        for (int k = 0; k < panel.factorCount(); k++) {
            QuantileSummary summary = QuantileAnalysis.analyse(panel.values(k), labels, nextDay, horizon,
                    QuantileSettings.defaults()).summarise(0, data.dayCount());
            float[][] cumulative = new float[summary.cumulative().length][];
            for (int b = 0; b < cumulative.length; b++) {
                cumulative[b] = new float[summary.cumulative()[b].length];
                for (int d = 0; d < cumulative[b].length; d++) {
                    cumulative[b][d] = (float) summary.cumulative()[b][d];
                }
            }
            rows.add(new FactorQuintiles.Row(panel.factorNames().get(k),
                    TearSheet.QuantileFigures.of(summary, data.dates()), data.dates(), cumulative));
        }
        FactorQuintiles result = new FactorQuintiles(horizon, rows);
        synchronized (quintileCache) {
            quintileCache.put(key, result);
        }
        return result;
    }
}

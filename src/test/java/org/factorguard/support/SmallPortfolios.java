package org.factorguard.support;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;

/**
 * The small portfolio the integration and browser tests study: the first stocks of the built-in market,
 * 2015–2019, at most 20 % per stock, an LSTM of 8 units trained for 2 epochs with one seed, everything else the
 * defaults. Its study takes seconds, so a test can run it through the job system.
 */
public final class SmallPortfolios {

    private SmallPortfolios() {
    }

    /** The small settings on these tickers. */
    public static PortfolioSettings settings(List<String> tickers) {
        return PortfolioSettings.defaults().toBuilder()
                .universeMode(PortfolioSettings.UniverseMode.TICKERS)
                .tickers(tickers)
                .dates(LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31))
                .maxWeight(0.2)
                .units(8)
                .epochs(2)
                .ensembleSize(1)
                .build();
    }

    /** The first {@code count} tickers of a market, in its order. */
    public static List<String> firstTickers(MarketData data, int count) {
        return data.instruments().stream().limit(count).map(Instrument::ticker).toList();
    }

    /** Creates the small portfolio of {@code stocks} stocks on the built-in market for {@code owner}. */
    public static long create(PortalFixture portal, String owner, String name, int stocks) {
        long dataset = portal.bean(BuiltInMarket.class).ensurePresent();
        List<String> tickers = firstTickers(portal.bean(DatasetCatalog.class).load(dataset), stocks);
        return portal.as(owner, () -> portal.bean(PortfolioService.class)
                .create(new PortfolioDraft(name, dataset, settings(tickers))));
    }
}

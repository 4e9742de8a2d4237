package org.factorguard.home;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.quant.data.MarketData;
import org.springframework.stereotype.Service;

/** The market picture on the home page: the built-in synthetic market's index, labelled as synthetic. */
@Service
public class MarketOverviewService {

    /** A named index series for a chart; empty dates while the built-in market is not available yet. */
    public record IndexSeries(String title, String name, String note, List<LocalDate> dates, double[] values) {

        public boolean isEmpty() {
            return dates.isEmpty();
        }
    }

    private final DatasetCatalog catalog;
    private final BuiltInMarket builtInMarket;

    public MarketOverviewService(DatasetCatalog catalog, BuiltInMarket builtInMarket) {
        this.catalog = catalog;
        this.builtInMarket = builtInMarket;
    }

    /** The built-in market's index once it is stored; otherwise an empty series with a message. */
    public IndexSeries marketIndex() {
        Optional<DatasetSummary> builtIn = catalog.builtIn();
        if (builtIn.isEmpty()) {
            String note = builtInMarket.state() == BuiltInMarket.State.FAILED
                    ? "The built-in synthetic market could not be generated; an administrator can find the cause in "
                            + "the server log."
                    : "The built-in synthetic market is being generated; reload the page in a few seconds to see its "
                            + "index.";
            return new IndexSeries("Market index (synthetic data)", "Synthetic market index", note, List.of(),
                    new double[0]);
        }
        DatasetSummary d = builtIn.get();
        MarketData data = catalog.load(d.id());
        String method = switch (data.marketIndexMethod()) {
            case CAP_WEIGHTED -> "cap-weighted";
            case EQUAL_WEIGHTED -> "equal-weighted";
            case IMPORTED -> "imported";
        };
        return new IndexSeries("Market index — " + d.name(), "Synthetic market index",
                "Synthetic data, not a real market: the " + method + " index of " + d.instrumentCount()
                        + " simulated stocks from " + d.firstDate() + " to " + d.lastDate() + ".",
                Arrays.asList(data.dates()), data.marketIndex());
    }
}

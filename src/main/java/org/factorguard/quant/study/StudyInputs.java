package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.factorguard.quant.backtest.TradingData;
import org.factorguard.quant.data.BadTickRepair;
import org.factorguard.quant.data.CausalCleaner;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.PriceRepair;

/**
 * The two views of a study's data, both built on the whole dataset (every instrument, every day, so that the
 * market's move and each instrument's history are those of the dataset) and then cut to the configured universe
 * and dates:
 * <ul>
 *   <li>{@link #model()}: the causal cleaned view ({@link CausalCleaner}) for factors, labels, the models and the
 *       decisions of every portfolio (the data as stored when the config has no input cleaning);</li>
 *   <li>{@link #trading()}: what portfolios earn, the stored prices with only the isolated bad ticks of
 *       {@link BadTickRepair} repaired, and each instrument's delisting day (the day after its last close in the
 *       dataset, when that comes before the dataset's last day).</li>
 * </ul>
 *
 * @param model              the model inputs' view over the studied universe and dates
 * @param trading            P&amp;L prices, decision closes (those of {@code model}) and delisting days
 * @param repairs            the bad ticks repaired in the studied universe and dates
 * @param returnsWinsorised  model-input returns clipped by the causal cleaning (whole dataset)
 * @param daysCarriedForward model-input days carried forward (whole dataset)
 */
record StudyInputs(MarketData model, TradingData trading, List<PriceRepair> repairs, int returnsWinsorised,
                   int daysCarriedForward) {

    static StudyInputs of(MarketData source, StudyConfig config) {
        List<PriceRepair> repairs = BadTickRepair.find(source);
        MarketData pnl = BadTickRepair.repaired(source, repairs);
        int[] delisting = TradingData.delistingDays(source.close(), source.dayCount());
        MarketData view = source;
        int winsorised = 0;
        int carried = 0;
        if (config.inputCleaning() != null) {
            CausalCleaner.Result cleaned = new CausalCleaner(config.inputCleaning()).clean(source);
            view = cleaned.view();
            winsorised = cleaned.returnsWinsorised();
            carried = cleaned.daysCarriedForward();
        }
        int[] members = config.universe().select(source);
        int[] range = config.dayRange(source);
        MarketData model = cut(view, members, range);
        MarketData pnlCut = cut(pnl, members, range);
        int length = range[1] - range[0];
        int[] delistingCut = new int[members.length];
        for (int k = 0; k < members.length; k++) {
            int day = delisting[members[k]];
            delistingCut[k] = day == Integer.MAX_VALUE || day - range[0] >= length ? Integer.MAX_VALUE
                    : Math.max(0, day - range[0]);
        }
        Set<String> tickers = new HashSet<>();
        for (int i : members) {
            tickers.add(source.instruments().get(i).ticker());
        }
        LocalDate first = model.dates()[0];
        LocalDate last = model.dates()[model.dayCount() - 1];
        List<PriceRepair> studied = repairs.stream().filter(r -> tickers.contains(r.ticker())
                && !r.date().isBefore(first) && !r.date().isAfter(last)).toList();
        return new StudyInputs(model, new TradingData(pnlCut, model.close(), delistingCut), studied, winsorised,
                carried);
    }

    /** The universe over the dates (the data itself when that is everything). */
    private static MarketData cut(MarketData data, int[] members, int[] range) {
        boolean all = members.length == data.instrumentCount()
                && Arrays.equals(members, java.util.stream.IntStream.range(0, members.length).toArray());
        MarketData selected = all ? data : data.select(members);
        return range[0] == 0 && range[1] == selected.dayCount() ? selected : selected.slice(range[0], range[1]);
    }
}

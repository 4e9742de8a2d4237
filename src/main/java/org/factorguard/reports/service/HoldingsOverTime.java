package org.factorguard.reports.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factorguard.quant.study.StudyResult;

/**
 * A portfolio's weights at each rebalance for a stacked chart: the {@code count} instruments with the
 * largest total absolute weight over all rebalances, one series each, and the rest summed as "other".
 *
 * @param other per rebalance, the summed weight of every instrument not among {@code largest}
 */
public record HoldingsOverTime(List<LocalDate> dates, List<Holding> largest, double[] other) {

    /** One instrument's weight at each rebalance (zero when it was not held). */
    public record Holding(String ticker, double[] weights) {
    }

    /** The LSTM portfolio's holdings over time (the first portfolio's when the study has no LSTM). */
    public static HoldingsOverTime ofLstm(StudyResult result, int count) {
        StudyResult.Portfolio lstm = result.portfolios().stream().filter(p -> p.name().equals(StudyResult.LSTM))
                .findFirst().orElse(result.portfolios().getFirst());
        return of(lstm, result.selection().tickers(), count);
    }

    /** @param tickers the study's instruments, indexed as in the rebalances */
    public static HoldingsOverTime of(StudyResult.Portfolio portfolio, List<String> tickers, int count) {
        List<StudyResult.Rebalance> rebalances = portfolio.rebalances();
        Map<Integer, Double> total = new HashMap<>();
        for (StudyResult.Rebalance b : rebalances) {
            for (int k = 0; k < b.instruments().length; k++) {
                total.merge(b.instruments()[k], Math.abs(b.weights()[k]), Double::sum);
            }
        }
        List<Integer> top = total.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(count).map(Map.Entry::getKey).toList();
        List<Holding> largest = new ArrayList<>(top.size());
        for (int instrument : top) {
            double[] weights = new double[rebalances.size()];
            for (int i = 0; i < rebalances.size(); i++) {
                StudyResult.Rebalance b = rebalances.get(i);
                for (int k = 0; k < b.instruments().length; k++) {
                    if (b.instruments()[k] == instrument) {
                        weights[i] = b.weights()[k];
                    }
                }
            }
            largest.add(new Holding(tickers.get(instrument), weights));
        }
        double[] other = new double[rebalances.size()];
        for (int i = 0; i < rebalances.size(); i++) {
            StudyResult.Rebalance b = rebalances.get(i);
            for (int k = 0; k < b.instruments().length; k++) {
                if (!top.contains(b.instruments()[k])) {
                    other[i] += b.weights()[k];
                }
            }
        }
        return new HoldingsOverTime(rebalances.stream().map(StudyResult.Rebalance::date).toList(), largest, other);
    }
}

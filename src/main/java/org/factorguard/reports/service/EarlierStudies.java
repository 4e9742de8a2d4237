package org.factorguard.reports.service;

import java.util.List;

/**
 * The studies already stored for one portfolio on one dataset version: how many, and the Sharpe ratios of
 * their LSTM portfolios where stored (finite values only). The deflated Sharpe counts them as trials.
 *
 * @param count       stored reports of the portfolio on the dataset version
 * @param lstmSharpes their LSTM portfolios' annualised Sharpe ratios, oldest first, where known
 */
public record EarlierStudies(int count, List<Double> lstmSharpes) {

    public EarlierStudies {
        lstmSharpes = List.copyOf(lstmSharpes);
    }

    public static EarlierStudies none() {
        return new EarlierStudies(0, List.of());
    }
}

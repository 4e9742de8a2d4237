package org.factorguard.reports.service;

import org.factorguard.quant.study.StudyResult;

/** What a result's method version means, in one line, and the notice an outdated result carries. */
public final class MethodVersionNote {

    private MethodVersionNote() {
    }

    /** One line on what the figures of {@code version} rest on. */
    public static String meaning(int version) {
        return switch (version) {
            case 1 -> "the first method: Diebold–Mariano on raw squared errors with Bartlett weights, a percentile "
                    + "bootstrap, regimes from a trailing 60-day mean, P&L on cleaned returns.";
            case 2 -> "calibrated statistics (HLN Diebold–Mariano, studentised bootstrap, deflated Sharpe over every "
                    + "trial, PBO) and Lunde–Timmermann regimes; P&L still on cleaned returns, drawdown control only "
                    + "at rebalances.";
            case StudyResult.METHOD_VERSION -> "portfolios earn the prices as imported (only listed bad ticks "
                    + "repaired), model inputs cleaned causally, a daily drawdown overlay, cash at the risk-free rate, "
                    + "delisted positions sold at their last price.";
            default -> "a method newer than this version of FactorGuard knows.";
        };
    }

    /** The notice for a result computed by an earlier method, or null when it is current (or newer). */
    public static String outdatedNotice(int version) {
        return version < StudyResult.METHOD_VERSION
                ? "Computed before raw P&L and the daily drawdown overlay; re-run the study for current figures."
                : null;
    }
}

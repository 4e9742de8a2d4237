package org.factorguard.studies.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.backtest.RebalanceFrequency;

/**
 * A portfolio setting that a setting sweep can vary: the values offered (the usual ones, plus the portfolio's own
 * value), how each reads, and the portfolio's settings with one value put in. A value travels as a short code
 * ("32", "WEEKLY", "0.15", "none").
 */
public enum SweptSetting {

    /** The LSTM's hidden units; the per-fold LSTM search is switched off, since the sweep varies what it would pick. */
    LSTM_UNITS("LSTM hidden units", List.of("8", "16", "32", "64")),
    /** The LSTM's look-back in trading days; the per-fold LSTM search is switched off, as for the units. */
    LOOK_BACK("LSTM look-back", List.of("5", "10", "20", "40", "60")),
    /** How often the portfolio is rebalanced. */
    REBALANCE("Rebalancing", List.of("DAILY", "WEEKLY", "MONTHLY")),
    /** The daily drawdown overlay's limit, or none. */
    DRAWDOWN_LIMIT("Drawdown limit", List.of("0.1", "0.15", "0.2", "0.25", "0.3", "none")),
    /** Transaction costs in basis points per unit of turnover. */
    COSTS("Transaction costs", List.of("0", "5", "10", "25", "50"));

    public static final String NO_LIMIT = "none";

    private final String label;
    private final List<String> usualValues;

    SweptSetting(String label, List<String> usualValues) {
        this.label = label;
        this.usualValues = usualValues;
    }

    public String label() {
        return label;
    }

    /** Whether the studies of a sweep of this setting run without the per-fold LSTM search. */
    public boolean switchesOffLstmSearch() {
        return this == LSTM_UNITS || this == LOOK_BACK;
    }

    /** The portfolio's own value of this setting, as a code. */
    public String valueOf(PortfolioSettings s) {
        return switch (this) {
            case LSTM_UNITS -> String.valueOf(s.units());
            case LOOK_BACK -> String.valueOf(s.lookback());
            case REBALANCE -> s.rebalance().name();
            case DRAWDOWN_LIMIT -> s.maxDrawdown() == null ? NO_LIMIT : decimal(s.maxDrawdown());
            case COSTS -> decimal(s.costBps());
        };
    }

    /** The values a sweep of this setting may take: the usual ones and the portfolio's own, in order. */
    public List<String> offeredValues(PortfolioSettings s) {
        String own = valueOf(s);
        List<String> values = new ArrayList<>(usualValues);
        if (!values.contains(own)) {
            values.add(own);
            if (this != REBALANCE) {
                values.sort((a, b) -> Double.compare(order(a), order(b)));
            }
        }
        return List.copyOf(values);
    }

    private static double order(String code) {
        return NO_LIMIT.equals(code) ? Double.POSITIVE_INFINITY : Double.parseDouble(code);
    }

    /** A value as people read it: "32 units", "20 days", "weekly", "15 %", "no limit", "10 bps". */
    public String valueLabel(String code) {
        return switch (this) {
            case LSTM_UNITS -> code + " units";
            case LOOK_BACK -> code + " days";
            case REBALANCE -> code.toLowerCase(Locale.ROOT);
            case DRAWDOWN_LIMIT -> NO_LIMIT.equals(code) ? "no limit"
                    : new BigDecimal(code).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
            case COSTS -> code + " bps";
        };
    }

    /** The setting and a value, e.g. "LSTM hidden units: 32 units", "Rebalancing: weekly". */
    public String describe(String code) {
        return label + ": " + valueLabel(code);
    }

    /**
     * The settings with this setting at {@code code} (and, for the LSTM's units or look-back, the LSTM search
     * off). A code that is not a value of this setting is an IllegalArgumentException.
     */
    public PortfolioSettings apply(PortfolioSettings s, String code) {
        try {
            return switch (this) {
                case LSTM_UNITS -> s.toBuilder().units(Integer.parseInt(code))
                        .lstmSearch(PortfolioSettings.LstmSearch.OFF).build();
                case LOOK_BACK -> s.toBuilder().lookback(Integer.parseInt(code))
                        .lstmSearch(PortfolioSettings.LstmSearch.OFF).build();
                case REBALANCE -> s.toBuilder().rebalance(RebalanceFrequency.valueOf(code)).build();
                case DRAWDOWN_LIMIT -> s.toBuilder().maxDrawdown(NO_LIMIT.equals(code) ? null
                        : Double.parseDouble(code)).build();
                case COSTS -> s.toBuilder().costBps(Double.parseDouble(code)).build();
            };
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Not a value of " + label + ": " + code, e);
        }
    }

    private static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

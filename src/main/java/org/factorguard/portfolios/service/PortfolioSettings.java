package org.factorguard.portfolios.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorScope;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmSearchSettings;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.FactorSelectionSettings;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.validation.WalkForwardSettings;
import org.factorguard.shared.FieldProblem;

/**
 * What a manager sets on a portfolio. Everything else of a study comes from {@link StudyConfig#defaults()};
 * {@link #toStudyConfig()} is the one mapping. Limits given as {@code null} are off. Build with
 * {@link #builder()} or change some settings with {@link #toBuilder()}, e.g.
 * {@code defaults().toBuilder().dates(start, end).build()}.
 *
 * @param universeMode        all instruments, some industries, or picked tickers
 * @param industries          industries when {@code universeMode} is INDUSTRIES
 * @param tickers             tickers when {@code universeMode} is TICKERS
 * @param startDate           first day of the study, {@code null} = the dataset's first day
 * @param endDate             last day, {@code null} = the dataset's last day
 * @param factorIds           the factors the models use, in model input order (hand-picked), or the candidates each
 *                            walk-forward fold screens on its training window (screened per fold)
 * @param rebalance           rebalance schedule
 * @param costBps             transaction costs in basis points per unit of turnover
 * @param longShort           allow short positions (gross exposure up to 2)
 * @param maxAnnualVolatility ex-ante annual volatility limit (e.g. 0.20)
 * @param maxDailyVar95       one-day parametric VaR(95 %) limit as a positive loss fraction (e.g. 0.025)
 * @param maxDrawdown         drawdown limit of the daily drawdown overlay (e.g. 0.15)
 * @param maxWeight           per-asset cap (e.g. 0.10)
 * @param maxIndustryWeight   per-industry cap, {@code null} = none
 * @param retraining          how often the models are retrained (walk-forward step)
 * @param lookback            LSTM look-back in trading days
 * @param units               LSTM hidden units
 * @param epochs              maximum LSTM training epochs (early stopping may end sooner)
 * @param ensembleSize        LSTM seeds averaged
 * @param implementation      fast LSTM (default) or DL4J's reference network
 * @param seed                master seed
 * @param riskFreeRate        annual rate earned by cash and subtracted in Sharpe and Sortino (0 in settings saved
 *                            before issue 13)
 * @param factorSelection     screened per fold or hand-picked; {@code null} reads as hand-picked
 * @param factorsFromFullPeriodScreen the hand-picked factors were saved from the Factors page, i.e. after a screen
 *                            over the portfolio's whole date range (not out of sample); see
 *                            {@link PortfolioSettingsJson} for settings stored before the flag existed
 * @param lstmSearch          how each fold chooses the LSTM's look-back and units; {@code null} (older settings)
 *                            reads as {@link LstmSearch#OFF}
 */
public record PortfolioSettings(
        UniverseMode universeMode,
        List<String> industries,
        List<String> tickers,
        LocalDate startDate,
        LocalDate endDate,
        List<String> factorIds,
        RebalanceFrequency rebalance,
        double costBps,
        boolean longShort,
        Double maxAnnualVolatility,
        Double maxDailyVar95,
        Double maxDrawdown,
        double maxWeight,
        Double maxIndustryWeight,
        Retraining retraining,
        int lookback,
        int units,
        int epochs,
        int ensembleSize,
        LstmImplementation implementation,
        long seed,
        double riskFreeRate,
        FactorSelectionMode factorSelection,
        boolean factorsFromFullPeriodScreen,
        LstmSearch lstmSearch) {

    public enum UniverseMode { ALL, INDUSTRIES, TICKERS }

    /**
     * How each walk-forward fold chooses the LSTM's look-back and hidden units on its validation slice: not at all
     * (the look-back and units as set), from the default grid ({@link StudyConfig#defaultLstmSearch()}: within the
     * default study's time budget), or from a wider grid with longer search runs (several times slower).
     */
    public enum LstmSearch {
        OFF, STANDARD, THOROUGH;

        LstmSearchSettings settings() {
            return switch (this) {
                case OFF -> LstmSearchSettings.none();
                case STANDARD -> StudyConfig.defaultLstmSearch();
                case THOROUGH -> new LstmSearchSettings(List.of(10, 20, 40, 60), List.of(16, 32, 64), 8, 25_000);
            };
        }
    }

    public enum Retraining {
        YEARLY(252), QUARTERLY(63);

        private final int days;

        Retraining(int days) {
            this.days = days;
        }

        public int days() {
            return days;
        }
    }

    public PortfolioSettings {
        industries = industries == null ? List.of() : List.copyOf(industries);
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
        factorIds = factorIds == null ? List.of() : List.copyOf(factorIds);
        factorSelection = factorSelection == null ? FactorSelectionMode.HAND_PICKED : factorSelection;
        if (factorSelection == FactorSelectionMode.SCREENED_PER_FOLD) {
            factorsFromFullPeriodScreen = false;
        }
        lstmSearch = lstmSearch == null ? LstmSearch.OFF : lstmSearch;
    }

    /** The defaults of a new portfolio: the study defaults with readable risk limits. */
    public static PortfolioSettings defaults() {
        StudyConfig d = StudyConfig.defaults();
        return builder()
                .universeMode(UniverseMode.ALL)
                .factorIds(d.factorIds())
                .rebalance(d.rebalance())
                .costBps(d.costBps())
                .longShort(false)
                .maxAnnualVolatility(d.allocation().maxAnnualVolatility())
                .maxDailyVar95(d.allocation().maxDailyVar95())
                .maxDrawdown(d.drawdownOverlay().limit())
                .maxWeight(d.allocation().maxWeight())
                .retraining(Retraining.YEARLY)
                .lookback(d.lstm().lookback())
                .units(d.lstm().network().units())
                .epochs(d.lstm().network().maxEpochs())
                .ensembleSize(d.lstm().ensembleSize())
                .implementation(d.lstm().implementation())
                .seed(d.seed())
                .factorSelection(d.factorSelection().mode())
                .lstmSearch(LstmSearch.STANDARD)
                .build();
    }

    /** A builder with nothing set (lists empty, limits off, numbers 0); {@link #problems()} says what is missing. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every setting of these settings. */
    public Builder toBuilder() {
        return new Builder()
                .universeMode(universeMode)
                .industries(industries)
                .tickers(tickers)
                .dates(startDate, endDate)
                .factorIds(factorIds)
                .rebalance(rebalance)
                .costBps(costBps)
                .longShort(longShort)
                .maxAnnualVolatility(maxAnnualVolatility)
                .maxDailyVar95(maxDailyVar95)
                .maxDrawdown(maxDrawdown)
                .maxWeight(maxWeight)
                .maxIndustryWeight(maxIndustryWeight)
                .retraining(retraining)
                .lookback(lookback)
                .units(units)
                .epochs(epochs)
                .ensembleSize(ensembleSize)
                .implementation(implementation)
                .seed(seed)
                .riskFreeRate(riskFreeRate)
                .factorSelection(factorSelection)
                .factorsFromFullPeriodScreen(factorsFromFullPeriodScreen)
                .lstmSearch(lstmSearch);
    }

    /** Problems a person can fix, each naming its field; empty when the settings are sound on their own. */
    public List<FieldProblem> problems() {
        List<FieldProblem> p = new ArrayList<>();
        if (universeMode == null) {
            p.add(new FieldProblem("universe", "Choose a universe"));
        } else if (universeMode == UniverseMode.INDUSTRIES && industries.isEmpty()) {
            p.add(new FieldProblem("industries", "Pick at least one industry"));
        } else if (universeMode == UniverseMode.TICKERS && tickers.size() < 2) {
            p.add(new FieldProblem("tickers", "Pick at least two instruments"));
        }
        if (startDate != null && endDate != null && !startDate.isBefore(endDate)) {
            p.add(new FieldProblem("endDate", "The end date must come after the start date"));
        }
        if (factorIds.isEmpty()) {
            p.add(new FieldProblem("factors", "Choose at least one factor"));
        }
        for (String id : factorIds) {
            if (FactorLibrary.find(id).isEmpty()) {
                p.add(new FieldProblem("factors", "Unknown factor " + id));
            }
        }
        if (factorSelection == FactorSelectionMode.SCREENED_PER_FOLD && !factorIds.isEmpty()
                && factorIds.stream().map(FactorLibrary::find)
                .noneMatch(f -> f.isPresent() && f.get().scope() != FactorScope.MARKET)) {
            p.add(new FieldProblem("factors", "Screening needs at least one candidate that varies across stocks"));
        }
        if (rebalance == null) {
            p.add(new FieldProblem("rebalance", "Choose a rebalance frequency"));
        }
        range(p, "costBps", costBps, 0, StudyConfig.MAX_COST_BPS, "Costs must be between 0 and 1,000 bps");
        optionalRange(p, "maxAnnualVolatility", maxAnnualVolatility, 0.01, 2.0,
                "The volatility limit must be between 1 % and 200 % a year");
        optionalRange(p, "maxDailyVar95", maxDailyVar95, 0.001, 0.5,
                "The VaR limit must be between 0.1 % and 50 % a day");
        optionalRange(p, "maxDrawdown", maxDrawdown, 0.01, 0.95, "The drawdown limit must be between 1 % and 95 %");
        range(p, "maxWeight", maxWeight, 0.001, 1.0, "The per-asset cap must be between 0.1 % and 100 %");
        optionalRange(p, "maxIndustryWeight", maxIndustryWeight, 0.01, 1.0,
                "The per-industry cap must be between 1 % and 100 %");
        if (retraining == null) {
            p.add(new FieldProblem("retraining", "Choose how often to retrain"));
        }
        range(p, "lookback", lookback, 2, 250, "The look-back must be between 2 and 250 days");
        range(p, "units", units, 2, 256, "Units must be between 2 and 256");
        range(p, "epochs", epochs, 1, 200, "Epochs must be between 1 and 200");
        range(p, "ensembleSize", ensembleSize, 1, 10, "Use 1 to 10 seeds");
        if (implementation == null) {
            p.add(new FieldProblem("implementation", "Choose an LSTM implementation"));
        }
        range(p, "riskFreeRate", riskFreeRate, -0.05, 0.25, "The risk-free rate must be between −5 % and 25 % a year");
        return p;
    }

    private static void range(List<FieldProblem> p, String field, double v, double lo, double hi, String message) {
        if (!(v >= lo && v <= hi)) {
            p.add(new FieldProblem(field, message));
        }
    }

    private static void optionalRange(List<FieldProblem> p, String field, Double v, double lo, double hi,
                                      String message) {
        if (v != null) {
            range(p, field, v, lo, hi, message);
        }
    }

    /**
     * The study these settings ask for. Call only when {@link #problems()} is empty.
     *
     * @throws org.factorguard.quant.study.StudyConfigException when the combination cannot run (e.g. caps that
     *                                                          cannot reach full exposure)
     */
    public StudyConfig toStudyConfig() {
        StudyConfig d = StudyConfig.defaults();
        StudyConfig.Universe universe = universe();
        WalkForwardSettings wf = d.walkForward();
        WalkForwardSettings walkForward = new WalkForwardSettings(wf.window(), wf.trainingDays(), wf.validationDays(),
                retraining.days(), wf.horizon(), wf.purge(), wf.embargo(), lookback, wf.firstTestStart());
        LstmSettings net = d.lstm().network();
        LstmSettings network = new LstmSettings(net.layers(), units, net.dropout(), net.l2(), net.learningRate(),
                net.batchSize(), epochs, net.patience(), seed);
        LstmModelSettings lstm = d.lstm().withImplementation(implementation).withLookback(lookback)
                .withEnsembleSize(ensembleSize).withNetwork(network);
        AllocationSettings allocation = d.allocation().withMaxWeight(maxWeight)
                .withRiskLimits(orNaN(maxAnnualVolatility), orNaN(maxDailyVar95))
                .withIndustryCaps(Map.of(), orNaN(maxIndustryWeight));
        if (longShort) {
            allocation = allocation.withLongShort(2.0);
        }
        var drawdown = maxDrawdown == null ? null : d.drawdownOverlay().withLimit(maxDrawdown);
        FactorSelectionSettings selection = factorSelection == FactorSelectionMode.SCREENED_PER_FOLD
                ? FactorSelectionSettings.screenedPerFold(d.horizon())
                : FactorSelectionSettings.handPicked(factorsFromFullPeriodScreen);
        return d.toBuilder()
                .universe(universe)
                .dates(startDate, endDate)
                .factorIds(factorIds)
                .factorSelection(selection)
                .lstmSearch(lstmSearch.settings())
                .walkForward(walkForward)
                .lstm(lstm)
                .allocation(allocation)
                .drawdownOverlay(drawdown)
                .riskFreeRate(riskFreeRate)
                .rebalance(rebalance)
                .costBps(costBps)
                .significance(d.significance().withScreenedCandidates(StudyConfig.screenedCandidates(factorIds)))
                .seed(seed)
                .build();
    }

    /** The instruments these settings select. */
    public StudyConfig.Universe universe() {
        return switch (universeMode) {
            case ALL -> StudyConfig.Universe.all();
            case INDUSTRIES -> StudyConfig.Universe.ofIndustries(industries);
            case TICKERS -> StudyConfig.Universe.ofTickers(tickers);
        };
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** Names each setting of {@link PortfolioSettings}: setters take the record's components; limits null = off. */
    public static final class Builder {
        private UniverseMode universeMode;
        private List<String> industries;
        private List<String> tickers;
        private LocalDate startDate;
        private LocalDate endDate;
        private List<String> factorIds;
        private RebalanceFrequency rebalance;
        private double costBps;
        private boolean longShort;
        private Double maxAnnualVolatility;
        private Double maxDailyVar95;
        private Double maxDrawdown;
        private double maxWeight;
        private Double maxIndustryWeight;
        private Retraining retraining;
        private int lookback;
        private int units;
        private int epochs;
        private int ensembleSize;
        private LstmImplementation implementation;
        private long seed;
        private double riskFreeRate;
        private FactorSelectionMode factorSelection;
        private boolean factorsFromFullPeriodScreen;
        private LstmSearch lstmSearch;

        private Builder() {
        }

        public Builder universeMode(UniverseMode value) {
            universeMode = value;
            return this;
        }

        public Builder industries(List<String> value) {
            industries = value;
            return this;
        }

        public Builder tickers(List<String> value) {
            tickers = value;
            return this;
        }

        /** First and last day of the study; {@code null} = the dataset's first or last day. */
        public Builder dates(LocalDate start, LocalDate end) {
            startDate = start;
            endDate = end;
            return this;
        }

        public Builder startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        public Builder endDate(LocalDate value) {
            endDate = value;
            return this;
        }

        public Builder factorIds(List<String> value) {
            factorIds = value;
            return this;
        }

        public Builder rebalance(RebalanceFrequency value) {
            rebalance = value;
            return this;
        }

        public Builder costBps(double value) {
            costBps = value;
            return this;
        }

        public Builder longShort(boolean value) {
            longShort = value;
            return this;
        }

        public Builder maxAnnualVolatility(Double value) {
            maxAnnualVolatility = value;
            return this;
        }

        public Builder maxDailyVar95(Double value) {
            maxDailyVar95 = value;
            return this;
        }

        public Builder maxDrawdown(Double value) {
            maxDrawdown = value;
            return this;
        }

        public Builder maxWeight(double value) {
            maxWeight = value;
            return this;
        }

        public Builder maxIndustryWeight(Double value) {
            maxIndustryWeight = value;
            return this;
        }

        public Builder retraining(Retraining value) {
            retraining = value;
            return this;
        }

        public Builder lookback(int days) {
            lookback = days;
            return this;
        }

        public Builder units(int value) {
            units = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder ensembleSize(int value) {
            ensembleSize = value;
            return this;
        }

        public Builder implementation(LstmImplementation value) {
            implementation = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Annual rate earned by cash, e.g. 0.03. */
        public Builder riskFreeRate(double value) {
            riskFreeRate = value;
            return this;
        }

        /** {@code null} = hand-picked, as for settings stored before the choice existed. */
        public Builder factorSelection(FactorSelectionMode value) {
            factorSelection = value;
            return this;
        }

        public Builder factorsFromFullPeriodScreen(boolean value) {
            factorsFromFullPeriodScreen = value;
            return this;
        }

        /** {@code null} = {@link LstmSearch#OFF}. */
        public Builder lstmSearch(LstmSearch value) {
            lstmSearch = value;
            return this;
        }

        public PortfolioSettings build() {
            return new PortfolioSettings(universeMode, industries, tickers, startDate, endDate, factorIds, rebalance,
                    costBps, longShort, maxAnnualVolatility, maxDailyVar95, maxDrawdown, maxWeight, maxIndustryWeight,
                    retraining, lookback, units, epochs, ensembleSize, implementation, seed, riskFreeRate,
                    factorSelection, factorsFromFullPeriodScreen, lstmSearch);
        }
    }
}

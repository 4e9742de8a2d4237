package org.factorguard.portfolios.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.portfolios.domain.Portfolio;
import org.factorguard.portfolios.domain.PortfolioRepository;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorAvailability;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.StudyConfigException;
import org.factorguard.quant.study.FactorCoverage;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's portfolios. Every method works on the signed-in user's own portfolios only: another user's id
 * is "not found", exactly like an id that does not exist.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PortfolioService {

    static final int MAX_NAME = 120;
    public static final String SAMPLE_NAME = "Sample: built-in market";
    static final java.time.LocalDate SAMPLE_START = java.time.LocalDate.of(2014, 1, 1);
    static final java.time.LocalDate SAMPLE_END = java.time.LocalDate.of(2020, 12, 31);

    private final PortfolioRepository portfolios;
    private final DatasetCatalog datasets;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final BuiltInMarket builtInMarket;

    public PortfolioService(PortfolioRepository portfolios, DatasetCatalog datasets, CurrentUser currentUser,
                            Clock clock, BuiltInMarket builtInMarket) {
        this.portfolios = portfolios;
        this.datasets = datasets;
        this.builtInMarket = builtInMarket;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PortfolioSummary> listMine() {
        long owner = currentUser.require().id();
        List<Portfolio> mine = portfolios.findByOwnerIdOrderByNameAsc(owner);
        Map<Long, DatasetSummary> used = mine.stream().map(Portfolio::getDatasetId).distinct()
                .map(datasets::find).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(DatasetSummary::id, Function.identity()));
        return mine.stream().map(p -> {
            PortfolioSettings s = PortfolioSettingsJson.read(p.getSettingsJson());
            DatasetSummary d = used.get(p.getDatasetId());
            return new PortfolioSummary(p.getId(), p.getName(), p.getDatasetId(),
                    d == null ? "(missing dataset)" : d.displayName(), d != null && d.isSynthetic(),
                    describeUniverse(s), s.factorIds().size(), p.getUpdatedAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    public PortfolioDetail find(long id) {
        Portfolio p = own(id);
        DatasetSummary d = datasets.find(p.getDatasetId()).orElseThrow(() -> new NotFoundException("Dataset"));
        return new PortfolioDetail(p.getId(), p.getName(), p.getDatasetId(), d.displayName(), d.isActive(),
                PortfolioSettingsJson.read(p.getSettingsJson()), p.getCreatedAt(), p.getUpdatedAt(), d.contentHash(),
                d.isSynthetic());
    }

    /**
     * Industries, instruments and date bounds of a dataset for the editor: a selectable dataset, or one that the
     * user's own portfolios already use (a retired dataset stays editable for them). Anything else is not found.
     */
    @Transactional(readOnly = true)
    public DatasetChoices choicesFor(long datasetId) {
        MarketData data = usableDataset(datasetId);
        List<DatasetChoices.InstrumentChoice> instruments = data.instruments().stream()
                .map(i -> new DatasetChoices.InstrumentChoice(i.ticker(), i.name(), i.industry()))
                .sorted(java.util.Comparator.comparing(DatasetChoices.InstrumentChoice::ticker)).toList();
        List<String> industries = data.industries().stream().sorted().toList();
        return new DatasetChoices(datasetId, industries, instruments, data.dates()[0],
                data.dates()[data.dayCount() - 1]);
    }

    /**
     * Which library factors a dataset can supply and, for the others, why (missing volume, missing fundamentals,
     * too short a history), judged on the whole dataset. Same access rule as {@link #choicesFor}.
     */
    @Transactional(readOnly = true)
    public FactorAvailability factorAvailability(long datasetId) {
        return FactorAvailability.of(usableDataset(datasetId));
    }

    /**
     * The factors a new portfolio on this dataset starts with: the default study's candidates (screened inside each
     * walk-forward fold) that the dataset can supply, in their usual order. Same access rule as {@link #choicesFor}.
     */
    @Transactional(readOnly = true)
    public List<String> defaultFactors(long datasetId) {
        return defaultFactors(factorAvailability(datasetId));
    }

    /**
     * Which library factors one of the user's portfolios can use: judged on its universe and dates (the whole
     * dataset where those select fewer than two days), as its studies would see the data.
     */
    @Transactional(readOnly = true)
    public FactorAvailability portfolioFactorAvailability(long id) {
        Portfolio p = own(id);
        return availabilityOn(datasets.load(p.getDatasetId()), PortfolioSettingsJson.read(p.getSettingsJson()));
    }

    /** The default candidates an availability can supply; all of them when it supplies none (the refusal explains). */
    static List<String> defaultFactors(FactorAvailability availability) {
        List<String> defaults = PortfolioSettings.defaults().factorIds();
        List<String> supplied = availability.suppliedAmong(defaults);
        return supplied.isEmpty() ? defaults : supplied;
    }

    /**
     * Creates a ready-to-run sample portfolio on the built-in synthetic market (generated first if needed) with
     * the default settings and factors, over 2014–2020 so that a first study finishes quickly; returns its id.
     */
    @Transactional
    public long createSample() {
        long owner = currentUser.require().id();
        long datasetId = builtInMarket.ensurePresent();
        String name = SAMPLE_NAME;
        for (int n = 2; portfolios.existsByOwnerIdAndNameIgnoreCase(owner, name); n++) {
            name = SAMPLE_NAME + " (" + n + ")";
        }
        PortfolioSettings settings = PortfolioSettings.defaults().toBuilder().dates(SAMPLE_START, SAMPLE_END).build();
        return portfolios.save(new Portfolio(owner, name, datasetId, PortfolioSettingsJson.write(settings),
                clock.instant())).getId();
    }

    /** Datasets a new portfolio may use (active stock datasets). */
    @Transactional(readOnly = true)
    public List<DatasetSummary> selectableDatasets() {
        return datasets.listSelectable();
    }

    @Transactional
    public long create(PortfolioDraft draft) {
        long owner = currentUser.require().id();
        List<FieldProblem> problems = check(draft, null, owner);
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        Portfolio saved = portfolios.save(new Portfolio(owner, draft.name().trim(), draft.datasetId(),
                PortfolioSettingsJson.write(draft.settings()), clock.instant()));
        return saved.getId();
    }

    @Transactional
    public void update(long id, PortfolioDraft draft) {
        Portfolio p = own(id);
        List<FieldProblem> problems = check(draft, p, p.getOwnerId());
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        p.update(draft.name().trim(), draft.datasetId(), PortfolioSettingsJson.write(draft.settings()),
                clock.instant());
    }

    /** Copies a portfolio under a free name ("Name (copy)", "Name (copy 2)", …); returns the copy's id. */
    @Transactional
    public long duplicate(long id) {
        Portfolio p = own(id);
        String base = p.getName().length() > MAX_NAME - 12 ? p.getName().substring(0, MAX_NAME - 12) : p.getName();
        String name = base + " (copy)";
        for (int n = 2; portfolios.existsByOwnerIdAndNameIgnoreCase(p.getOwnerId(), name); n++) {
            name = base + " (copy " + n + ")";
        }
        return portfolios.save(new Portfolio(p.getOwnerId(), name, p.getDatasetId(), p.getSettingsJson(),
                clock.instant())).getId();
    }

    @Transactional
    public void delete(long id) {
        portfolios.delete(own(id));
    }

    /**
     * Sets the factors the models use in every fold (hand-picked), not marked as chosen after a screen; see
     * {@link #chooseFactors(long, List, boolean)}. Factors the portfolio's data cannot supply are refused with the
     * reason.
     */
    @Transactional
    public void chooseFactors(long id, List<String> factorIds) {
        chooseFactors(id, factorIds, false);
    }

    /**
     * Sets the factors the models use in every fold (hand-picked). {@code afterFullPeriodScreen}: they were picked
     * after reading the screen over the portfolio's whole date range (the Factors page), which every report of the
     * portfolio then states: the choice has seen the test period.
     */
    @Transactional
    public void chooseFactors(long id, List<String> factorIds, boolean afterFullPeriodScreen) {
        Portfolio p = own(id);
        PortfolioSettings changed = PortfolioSettingsJson.read(p.getSettingsJson()).toBuilder().factorIds(factorIds)
                .factorSelection(FactorSelectionMode.HAND_PICKED).factorsFromFullPeriodScreen(afterFullPeriodScreen)
                .build();
        saveFactors(p, changed);
    }

    /**
     * Lets every walk-forward fold screen {@code candidates} on its own training window and use what it selects.
     * Candidates the portfolio's data cannot supply are refused with the reason.
     */
    @Transactional
    public void screenFactorsPerFold(long id, List<String> candidates) {
        Portfolio p = own(id);
        PortfolioSettings changed = PortfolioSettingsJson.read(p.getSettingsJson()).toBuilder().factorIds(candidates)
                .factorSelection(FactorSelectionMode.SCREENED_PER_FOLD).factorsFromFullPeriodScreen(false).build();
        saveFactors(p, changed);
    }

    private void saveFactors(Portfolio p, PortfolioSettings changed) {
        List<FieldProblem> problems = new ArrayList<>(changed.problems().stream()
                .filter(f -> "factors".equals(f.field())).toList());
        if (problems.isEmpty()) {
            problems.addAll(unavailable(changed, availabilityOn(datasets.load(p.getDatasetId()), changed)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        p.update(p.getName(), p.getDatasetId(), PortfolioSettingsJson.write(changed), clock.instant());
    }

    /**
     * Checks the portfolio's settings against its data and freezes them into a run plan. Everything that can be
     * known before a study runs is refused here, with a message, before any job exists: absurd settings (windows
     * longer than the data, caps that make the allocation infeasible, …), factors the data cannot supply (each
     * named with its reason, field {@code factors}), and factors without a value in some fold's training window
     * ({@link FactorCoverage}).
     */
    @Transactional(readOnly = true)
    public RunPlan planRun(long id) {
        return planRun(id, UnaryOperator.identity());
    }

    /**
     * As {@link #planRun(long)}, for the portfolio's settings changed by {@code variation} (one study of a setting
     * sweep); the stored settings stay as they are.
     */
    @Transactional(readOnly = true)
    public RunPlan planRun(long id, UnaryOperator<PortfolioSettings> variation) {
        Portfolio p = own(id);
        PortfolioSettings settings = variation.apply(PortfolioSettingsJson.read(p.getSettingsJson()));
        List<FieldProblem> problems = new ArrayList<>(settings.problems());
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        DatasetSummary dataset = datasets.find(p.getDatasetId()).orElseThrow(() -> new NotFoundException("Dataset"));
        StudyConfig config;
        try {
            config = settings.toStudyConfig();
        } catch (StudyConfigException cannotRun) {
            throw new ValidationProblemException(
                    cannotRun.problems().stream().map(m -> new FieldProblem(null, m)).toList());
        }
        MarketData data = datasets.load(p.getDatasetId());
        problems.addAll(config.problemsWith(data).stream().map(m -> new FieldProblem(null, m)).toList());
        problems.addAll(unavailable(settings, availabilityOn(data, settings)));
        if (problems.isEmpty()) {
            problems.addAll(FactorCoverage.problems(config, data).stream()
                    .map(m -> new FieldProblem("factors", m)).toList());
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        return new RunPlan(p.getId(), p.getName(), dataset.id(), dataset.displayName(), dataset.contentHash(), config);
    }

    /** The market data of one of the user's portfolios, restricted to nothing (callers select universe and dates). */
    @Transactional(readOnly = true)
    public MarketData dataOf(long id) {
        return datasets.load(own(id).getDatasetId());
    }

    /** The dataset if the user may build on it: selectable, or used by one of their portfolios. */
    private MarketData usableDataset(long datasetId) {
        long owner = currentUser.require().id();
        boolean selectable = datasets.listSelectable().stream().anyMatch(d -> d.id() == datasetId);
        if (!selectable && !portfolios.existsByOwnerIdAndDatasetId(owner, datasetId)) {
            throw new NotFoundException("Dataset");
        }
        return datasets.load(datasetId);
    }

    /** Availability on the settings' universe and dates (all dates when those hold fewer than two days). */
    static FactorAvailability availabilityOn(MarketData all, PortfolioSettings settings) {
        int[] members = settings.universe().select(all);
        if (members.length == 0) {
            return FactorAvailability.of(all);
        }
        MarketData selected = members.length == all.instrumentCount() ? all : all.select(members);
        try {
            return FactorAvailability.of(FactorScreeningService.restrict(selected, settings.toBuilder()
                    .universeMode(PortfolioSettings.UniverseMode.ALL).build()));
        } catch (ValidationProblemException fewerThanTwoDays) {
            return FactorAvailability.of(selected);
        }
    }

    /** One problem per chosen factor the data cannot supply, naming the reason. */
    private static List<FieldProblem> unavailable(PortfolioSettings settings, FactorAvailability availability) {
        return availability.unavailableAmong(settings.factorIds()).stream()
                .map(u -> new FieldProblem("factors", "The dataset cannot supply " + u.describe())).toList();
    }

    private List<FieldProblem> check(PortfolioDraft draft, Portfolio existing, long owner) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "Enter a name"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "Use at most " + MAX_NAME + " characters"));
        } else if (existing == null ? portfolios.existsByOwnerIdAndNameIgnoreCase(owner, name)
                : portfolios.existsByOwnerIdAndNameIgnoreCaseAndIdNot(owner, name, existing.getId())) {
            problems.add(new FieldProblem("name", "You already have a portfolio called '" + name + "'"));
        }
        if (draft.datasetId() == null) {
            problems.add(new FieldProblem("dataset", "Choose a dataset"));
        } else {
            boolean unchanged = existing != null && existing.getDatasetId() == draft.datasetId();
            boolean selectable = datasets.listSelectable().stream().anyMatch(d -> d.id() == draft.datasetId());
            // a retired dataset stays usable by the portfolios that already have it, but cannot be newly chosen
            if (!selectable && !(unchanged && datasets.find(draft.datasetId()).isPresent())) {
                problems.add(new FieldProblem("dataset", "This dataset cannot be chosen (retired or unknown)"));
            }
        }
        if (draft.settings() == null) {
            problems.add(new FieldProblem(null, "Settings are missing"));
        } else {
            problems.addAll(draft.settings().problems());
        }
        return problems;
    }

    private Portfolio own(long id) {
        long owner = currentUser.require().id();
        return portfolios.findByIdAndOwnerId(id, owner).orElseThrow(() -> new NotFoundException("Portfolio"));
    }

    static String describeUniverse(PortfolioSettings s) {
        return switch (s.universeMode()) {
            case ALL -> "All instruments";
            case INDUSTRIES -> String.join(", ", s.industries());
            case TICKERS -> s.tickers().size() + " instruments";
        };
    }
}

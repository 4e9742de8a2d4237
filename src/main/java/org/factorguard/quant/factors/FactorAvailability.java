package org.factorguard.quant.factors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factorguard.quant.data.MarketData;

/**
 * Which candidate factors a data set can supply and, for those it cannot, why. A factor is unavailable when
 * <ul>
 *   <li>an {@linkplain Factor#inputs() input} it reads is missing from the data: no finite volume, shares
 *       outstanding, EPS (nor P/E) or book value per share (nor P/B) for any instrument on any day, or fewer
 *       than two industries; its values would be missing on every day;</li>
 *   <li>its history is too short: fewer than {@code minInstruments} instruments have more than
 *       {@link Factor#lookBackDays()} trading days between their first and last close, so no day can have a
 *       cross-section of values (with {@code minInstruments} = the cross-sectional preparation's minimum).</li>
 * </ul>
 * Missing inputs are reported before a short history. The check reads the data once per input and is cheap
 * enough for a form; it does not compute the factors.
 */
public final class FactorAvailability {

    /** Why a factor cannot be supplied, as a person would say it. */
    public enum Reason {
        MISSING_VOLUME("missing volume"),
        MISSING_FUNDAMENTALS("missing fundamentals"),
        MISSING_INDUSTRIES("missing industries"),
        TOO_SHORT("too short a history");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A factor the data cannot supply.
     *
     * @param explanation one sentence naming what is missing, e.g. "needs daily volume, which the data does not
     *                    have"
     */
    public record Unavailable(String factorId, String displayName, Reason reason, String explanation) {

        /** "EP (Earnings yield (E/P)): missing fundamentals — needs …". */
        public String describe() {
            return factorId + " (" + displayName + "): " + reason.label() + " — " + explanation;
        }
    }

    private final List<Factor> supplied;
    private final Map<String, Unavailable> unavailable;

    private FactorAvailability(List<Factor> supplied, Map<String, Unavailable> unavailable) {
        this.supplied = List.copyOf(supplied);
        this.unavailable = unavailable;
    }

    /** Every factor of the {@link FactorLibrary} on {@code data}, with the default cross-section minimum. */
    public static FactorAvailability of(MarketData data) {
        return of(data, FactorLibrary.all(), CrossSectionalPreparation.Settings.defaults().minCrossSection());
    }

    /**
     * @param factors        the candidates to judge
     * @param minInstruments instruments that need a value on a day for the day to count (at least 1)
     */
    public static FactorAvailability of(MarketData data, List<Factor> factors, int minInstruments) {
        Set<FactorInput> present = presentInputs(data);
        int[] spans = listedSpans(data);
        List<Factor> supplied = new ArrayList<>();
        Map<String, Unavailable> unavailable = new LinkedHashMap<>();
        for (Factor f : factors) {
            Unavailable why = judge(f, present, spans, data.dayCount(), Math.max(1, minInstruments));
            if (why == null) {
                supplied.add(f);
            } else {
                unavailable.put(f.id(), why);
            }
        }
        return new FactorAvailability(supplied, unavailable);
    }

    /** The factors the data can supply, in the order judged. */
    public List<Factor> supplied() {
        return supplied;
    }

    /** The factors it cannot supply, in the order judged, each with its reason. */
    public List<Unavailable> unavailable() {
        return List.copyOf(unavailable.values());
    }

    public boolean canSupply(String factorId) {
        return supplied.stream().anyMatch(f -> f.id().equals(factorId));
    }

    /** Why the factor cannot be supplied, or empty when it can (or was not judged). */
    public Optional<Unavailable> why(String factorId) {
        return Optional.ofNullable(unavailable.get(factorId));
    }

    /** Those of {@code factorIds} the data can supply, in the given order. */
    public List<String> suppliedAmong(List<String> factorIds) {
        return factorIds.stream().filter(this::canSupply).toList();
    }

    /** Those of {@code factorIds} the data cannot supply, in the given order, with their reasons. */
    public List<Unavailable> unavailableAmong(List<String> factorIds) {
        return factorIds.stream().map(unavailable::get).filter(u -> u != null).toList();
    }

    private static Unavailable judge(Factor f, Set<FactorInput> present, int[] spans, int days, int minInstruments) {
        EnumSet<FactorInput> missing = EnumSet.noneOf(FactorInput.class);
        for (FactorInput input : f.inputs()) {
            if (!present.contains(input)) {
                missing.add(input);
            }
        }
        if (!missing.isEmpty()) {
            Reason reason = missing.contains(FactorInput.VOLUME) ? Reason.MISSING_VOLUME
                    : missing.contains(FactorInput.INDUSTRIES) && missing.size() == 1 ? Reason.MISSING_INDUSTRIES
                    : Reason.MISSING_FUNDAMENTALS;
            String needs = missing.stream().map(FactorInput::description).collect(Collectors.joining(" and "));
            String explanation = missing.equals(EnumSet.of(FactorInput.INDUSTRIES))
                    ? "needs " + needs + "; every instrument of the data is in one industry"
                    : "needs " + needs + ", which the data does not have";
            return new Unavailable(f.id(), f.displayName(), reason, explanation);
        }
        int needed = f.lookBackDays() + 1;
        int longEnough = 0;
        for (int span : spans) {
            if (span >= needed) {
                longEnough++;
            }
        }
        if (longEnough < minInstruments) {
            String explanation = days < needed
                    ? "needs " + needed + " trading days of closes; the data has " + days
                    : "needs " + needed + " trading days of closes per instrument; " + longEnough
                    + (longEnough == 1 ? " instrument has" : " instruments have") + " that many, at least "
                    + minInstruments + " are needed";
            return new Unavailable(f.id(), f.displayName(), Reason.TOO_SHORT, explanation);
        }
        return null;
    }

    private static Set<FactorInput> presentInputs(MarketData data) {
        EnumSet<FactorInput> present = EnumSet.noneOf(FactorInput.class);
        if (anyFinite(data.volume())) {
            present.add(FactorInput.VOLUME);
        }
        if (data.hasShares()) {
            present.add(FactorInput.SHARES_OUTSTANDING);
        }
        if (anyFinite(data.earningsPerShare()) || anyFinite(data.priceToEarnings())) {
            present.add(FactorInput.EARNINGS);
        }
        if (anyFinite(data.bookValuePerShare()) || anyFinite(data.priceToBook())) {
            present.add(FactorInput.BOOK_VALUE);
        }
        if (data.industries().size() >= 2) {
            present.add(FactorInput.INDUSTRIES);
        }
        return present;
    }

    /** Days from each instrument's first to its last positive close, inclusive (0 without closes). */
    private static int[] listedSpans(MarketData data) {
        int[] spans = new int[data.instrumentCount()];
        double[][] close = data.close();
        for (int i = 0; i < spans.length; i++) {
            int first = -1;
            int last = -1;
            for (int t = 0; t < close[i].length; t++) {
                if (close[i][t] > 0) {
                    if (first < 0) {
                        first = t;
                    }
                    last = t;
                }
            }
            spans[i] = first < 0 ? 0 : last - first + 1;
        }
        return spans;
    }

    private static boolean anyFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.factorguard.portfolios.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.factorguard.quant.study.TearSheet;

/**
 * Returns by quintile of each screened factor on a portfolio's universe and dates (Alphalens' returns tear sheet,
 * {@link org.factorguard.quant.factors.QuantileAnalysis}): mean forward return by quintile of the prepared factor,
 * the top-minus-bottom spread with its Newey–West t, top-quintile turnover, monotonicity, and the growth of each
 * quintile's daily-rebalanced portfolio.
 *
 * @param horizon the forward-return horizon in trading days (the study's)
 * @param factors one row per factor, in the screening's order
 */
public record FactorQuintiles(int horizon, List<Row> factors) {

    public FactorQuintiles {
        factors = List.copyOf(factors);
    }

    /**
     * @param factorId   the factor
     * @param figures    over all days with buckets
     * @param dates      days of the cumulative curves
     * @param cumulative {@code [bucket][day]} growth of 1 in the bucket (demeaned)
     */
    public record Row(String factorId, TearSheet.QuantileFigures figures, LocalDate[] dates, float[][] cumulative) {
    }

    public Optional<Row> of(String factorId) {
        return factors.stream().filter(r -> r.factorId().equals(factorId)).findFirst();
    }

    /** One row per factor with the figures, as CSV (RFC 4180, one header row). */
    public String csv() {
        int q = factors.isEmpty() ? 5 : factors.getFirst().figures().meanReturn().length;
        List<String> header = new ArrayList<>(List.of("factor", "horizon_days", "from", "to", "days"));
        for (int b = 1; b <= q; b++) {
            header.add("mean_return_q" + b);
        }
        header.addAll(List.of("top_minus_bottom", "top_minus_bottom_t_newey_west", "top_minus_bottom_p_value",
                "top_turnover", "bottom_turnover", "monotonicity_spearman"));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (Row r : factors) {
                TearSheet.QuantileFigures f = r.figures();
                List<Object> row = new ArrayList<>(List.of(r.factorId(), horizon, f.from(), f.to(), f.days()));
                Arrays.stream(f.meanReturn()).forEach(row::add);
                row.addAll(List.of(f.spread(), f.spreadT(), f.spreadP(), f.topTurnover(), f.bottomTurnover(),
                        f.monotonicity()));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.factorguard.quant.risk.VarBacktest;
import org.factorguard.quant.risk.VolatilityForecastCheck;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void cells_that_a_spreadsheet_would_run_as_formulas_are_prefixed_with_an_apostrophe() {
        assertThat(ReportCsv.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ReportCsv.neutralise("+1")).isEqualTo("'+1");
        assertThat(ReportCsv.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(ReportCsv.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(ReportCsv.neutralise("\rx")).isEqualTo("'\rx");
    }

    @Test
    void ordinary_text_is_left_as_it_is() {
        assertThat(ReportCsv.neutralise("S001")).isEqualTo("S001");
        assertThat(ReportCsv.neutralise("Equal weight")).isEqualTo("Equal weight");
        assertThat(ReportCsv.neutralise("")).isEmpty();
    }

    @Test
    void every_table_of_a_result_written_before_method_versions_renders() throws IOException {
        StudyResult old;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/factorguard/quant/study/study-result-method-1.json.gz")) {
            old = StudyResultJson.read(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8));
        }
        for (ReportTable table : ReportTable.values()) {
            String csv = ReportCsv.write(old, table);
            assertThat(csv.lines().findFirst()).as(table.name()).isPresent();
        }
        assertThat(ReportCsv.write(old, ReportTable.SIGNIFICANCE)).contains("method_version,1\r\n")
                .contains("diebold_mariano_loss,squared_error").doesNotContain("pbo_");
        assertThat(ReportCsv.write(old, ReportTable.REGIME_DATING)).contains("trailing 60-day mean rule");
        assertThat(ReportCsv.write(old, ReportTable.RISK).lines().skip(1).findFirst().orElseThrow())
                .startsWith("LSTM,").endsWith(",,,,,,,,,,,,,");
        assertThat(ReportCsv.write(old, ReportTable.MODEL_FOLDS).lines().skip(1).findFirst().orElseThrow())
                .endsWith(",,,,");
        String coefficients = ReportCsv.write(old, ReportTable.LINEAR_COEFFICIENTS);
        assertThat(coefficients.lines().count()).isGreaterThan(1);
        assertThat(coefficients.lines().skip(1).findFirst().orElseThrow()).startsWith("Linear,1,alpha,");
        assertThat(ReportCsv.write(old, ReportTable.REGIME_DAYS).lines().skip(1).findFirst().orElseThrow())
                .matches("\\d{4}-\\d{2}-\\d{2},(Bull|Bear|Sideways),,(Bull|Bear|Sideways)");
        for (ReportTable tearSheet : List.of(ReportTable.RETURNS_BY_QUINTILE, ReportTable.QUINTILE_CURVES,
                ReportTable.MODEL_IMPORTANCE, ReportTable.RETURN_ATTRIBUTION, ReportTable.ATTRIBUTION_EXPOSURES)) {
            assertThat(ReportCsv.write(old, tearSheet).lines().count()).as("no tear sheet: header only").isEqualTo(1);
        }
    }

    @Test
    void the_risk_table_carries_each_portfolios_var_backtest_and_volatility_ratios() throws IOException {
        StudyResult old;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/factorguard/quant/study/study-result-method-1.json.gz")) {
            old = StudyResultJson.read(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8));
        }
        boolean[] hits = new boolean[200];
        for (int d = 0; d < hits.length; d += 15) {
            hits[d] = true;
        }
        VarBacktest.Result backtest = new VarBacktest(99, 1L).test(hits, 0.05);
        VolatilityForecastCheck.Result ewma = VolatilityForecastCheck.of(new double[] {0.01, -0.02, 0.015},
                new double[] {0.012, 0.012, 0.012});
        StudyResult.ExAnteRisk risk = new StudyResult.ExAnteRisk("EWMA", "HISTORICAL", 120, 0.03, List.of(
                new StudyResult.PortfolioRisk(StudyResult.LSTM, ewma, ewma, backtest, 3, 40, "LSTM lost more"),
                new StudyResult.PortfolioRisk(StudyResult.MARKET_INDEX, null, null, backtest, 0, 0, "index")),
                "why");
        StudyResult now = new StudyResult(old.codeVersion(), old.datasetLabel(), old.datasetHash(),
                old.syntheticData(), old.seed(), old.config(), old.notes(), old.timings(), old.selection(),
                old.factorMissing(), old.models(), old.returnDates(), old.portfolios(), old.currentAllocations(),
                old.regimes(), old.optimisationDegree(), old.significance(), old.methodVersion(), old.dataTreatment(),
                risk, null);

        List<String> lines = ReportCsv.write(now, ReportTable.RISK).lines().toList();

        assertThat(lines.getFirst()).endsWith(",var_model,var_forecast_days,var_exceedances,var_expected_exceedances,"
                + "var_exceedance_rate,kupiec_p,christoffersen_independence_p,var_limit_bound_rebalances,rebalances,"
                + "covariance_model,volatility_ratio_ewma,volatility_ratio_ledoit_wolf,var_backtest_explanation");
        String ratio = Double.toString(ewma.ratio());
        assertThat(lines.get(1)).startsWith("LSTM,").endsWith(",HISTORICAL,200,14,10.0,0.07,"
                + backtest.kupiec().monteCarloPValue() + "," + backtest.independence().monteCarloPValue()
                + ",3,40,EWMA," + ratio + "," + ratio + ",LSTM lost more");
        assertThat(lines.get(2)).startsWith("Linear,").endsWith(",,,,,,,,,,,,,");
        assertThat(lines.get(4)).startsWith("Market index,").endsWith(",HISTORICAL,200,14,10.0,0.07,"
                + backtest.kupiec().monteCarloPValue() + "," + backtest.independence().monteCarloPValue()
                + ",,,,,,index");
    }
}

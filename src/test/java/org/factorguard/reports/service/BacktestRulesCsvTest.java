package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factorguard.quant.study.StudyResult;
import org.junit.jupiter.api.Test;

class BacktestRulesCsvTest {

    @Test
    void each_model_row_of_table_1_is_followed_by_its_row_without_the_overlay() {
        StudyResult r = BacktestRulesResults.withOverlay();
        List<String> lines = ReportCsv.write(r, ReportTable.RISK).lines().toList();
        int columns = lines.getFirst().split(",", -1).length;
        List<String> names = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(names).containsExactly("LSTM", "LSTM without overlay", "Linear", "Linear without overlay",
                "Equal weight", "Market index");
        String without = lines.get(2);
        assertThat(without.split(",", -1)).hasSize(columns);
        double ownTotal = r.portfolio(StudyResult.LSTM).drawdownOverlay().withoutOverlay().totalReturn();
        assertThat(without.split(",")[11]).isEqualTo(Double.toString(ownTotal));
    }

    @Test
    void the_overlay_table_has_a_row_per_model_and_day_with_the_exposure_and_the_acted_closes() {
        StudyResult r = BacktestRulesResults.withOverlay();
        int n = r.returnDates().length;
        List<String> lines = ReportCsv.write(r, ReportTable.DRAWDOWN_LIMIT).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("portfolio,date,exposure,overlay_acted,net_return,"
                + "net_return_without_overlay,drawdown,drawdown_without_overlay,limit");
        assertThat(lines).hasSize(1 + 2 * n);
        assertThat(lines.get(n / 2)).startsWith("LSTM," + r.returnDates()[n / 2 - 1] + ",1.0,true,");
        assertThat(lines.get(n / 2 + 1)).startsWith("LSTM," + r.returnDates()[n / 2] + ",0.5,true,");
        assertThat(lines.get(n)).startsWith("LSTM," + r.returnDates()[n - 1] + ",0.0,false,").endsWith(",0.2");
        assertThat(lines.get(n + 1)).startsWith("Linear," + r.returnDates()[0] + ",1.0,false,");
    }

    @Test
    void the_data_treatment_lists_counts_repairs_and_delistings() {
        String csv = ReportCsv.write(BacktestRulesResults.withOverlay(), ReportTable.DATA_TREATMENT);
        assertThat(csv).contains("\r\ninput_returns_winsorised,,,,,,,,17,\r\n")
                .contains("\r\ninput_days_carried_forward,,,,,,,,4,\r\n")
                .contains("\r\nprice_repairs,,,,,,,,1,\r\n")
                .containsPattern("\r\nprice_repair,,S003,\\d{4}-\\d{2}-\\d{2},412.0,41.3,,,,×10 spike that reverted")
                .containsPattern("\r\ndelisting,LSTM,S007,\\d{4}-\\d{2}-\\d{2},,,\\d{4}-\\d{2}-\\d{2},0.05,,\r\n");
    }

    @Test
    void a_result_before_the_overlay_has_no_overlay_rows_and_only_its_method_version() {
        StudyResult old = BacktestRulesResults.methodOne();
        assertThat(ReportCsv.write(old, ReportTable.RISK)).doesNotContain("without overlay");
        assertThat(ReportCsv.write(old, ReportTable.DRAWDOWN_LIMIT).lines()).hasSize(1);
        assertThat(ReportCsv.write(old, ReportTable.DATA_TREATMENT).lines().toList())
                .containsExactly("record,portfolio,ticker,date,raw_close,repaired_close,sold_on,weight_held,value,text",
                        "method_version,,,,,,,,1,");
    }
}

package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportHeadlinesTest {

    @Test
    void figures_come_from_the_summaries_of_the_lstm_and_linear_portfolios_and_undefined_ones_are_null() {
        ReportHeadlines.FromDocument read = ReportHeadlines.read("""
                {"methodVersion":2,"portfolios":[
                 {"name":"LSTM","returns":[0.01,-0.02],
                  "summary":{"maxDrawdown":-0.21,"sharpe":0.8,"valueAtRisk95":-0.019}},
                 {"name":"Linear","summary":{"maxDrawdown":-0.3,"sharpe":"NaN","valueAtRisk95":-0.022}},
                 {"name":"Market index","summary":{"maxDrawdown":-0.5,"sharpe":0.4,"valueAtRisk95":-0.03}}]}
                """);

        assertThat(read).isEqualTo(new ReportHeadlines.FromDocument(-0.21, -0.019, -0.3, null, -0.022, 2));
    }

    @Test
    void a_result_written_before_method_versions_is_method_one_and_a_damaged_one_gives_no_figures() {
        assertThat(ReportHeadlines.read("{\"portfolios\":[]}").methodVersion()).isEqualTo(1);
        assertThat(ReportHeadlines.read("{}")).isEqualTo(ReportHeadlines.FromDocument.NONE);
        assertThat(ReportHeadlines.read("not json")).isEqualTo(ReportHeadlines.FromDocument.NONE);
    }
}

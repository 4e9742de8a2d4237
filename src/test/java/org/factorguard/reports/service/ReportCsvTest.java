package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

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
}

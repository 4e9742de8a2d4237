package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
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
        assertThat(ReportCsv.write(old, ReportTable.MODEL_FOLDS).lines().skip(1).findFirst().orElseThrow())
                .endsWith(",,,,");
        String coefficients = ReportCsv.write(old, ReportTable.LINEAR_COEFFICIENTS);
        assertThat(coefficients.lines().count()).isGreaterThan(1);
        assertThat(coefficients.lines().skip(1).findFirst().orElseThrow()).startsWith("Linear,1,alpha,");
        assertThat(ReportCsv.write(old, ReportTable.REGIME_DAYS).lines().skip(1).findFirst().orElseThrow())
                .matches("\\d{4}-\\d{2}-\\d{2},(Bull|Bear|Sideways),,(Bull|Bear|Sideways)");
    }
}

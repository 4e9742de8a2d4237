package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.factorguard.quant.allocation.CovarianceModel;
import org.factorguard.quant.allocation.VarModel;
import org.factorguard.quant.regimes.RegimeDatingSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A result written by the code before method versions (main at 1889803, {@code SmallStudy} with the trailing-mean
 * regime rule, raw-MSE Diebold–Mariano and a fixed 10-day bootstrap block) still reads, and reads as method 1.
 */
class OldStudyResultJsonTest {

    /** The fixture's JSON text. */
    static String methodOneJson() {
        try (InputStream in = OldStudyResultJsonTest.class.getResourceAsStream("study-result-method-1.json.gz")) {
            return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_result_written_before_method_versions_reads_as_method_one() {
        String json = methodOneJson();
        assertThat(json).doesNotContain("methodVersion").contains("\"regimes\":{\"window\":60");

        StudyResult old = StudyResultJson.read(json);

        assertThat(old.methodVersion()).isEqualTo(1);
        assertThat(old.portfolios()).hasSize(4);
        assertThat(old.regimes().dating()).isNull();
        assertThat(old.regimes().detected()).hasSameSizeAs(old.returnDates());
        assertThat(old.significance().dieboldMariano()).isNotNull();
        assertThat(old.significance().dieboldMarianoRankIc()).isNull();
        assertThat(old.significance().trialCount()).isNull();
        assertThat(old.significance().overfitting()).isNull();
        assertThat(old.significance().explanations()).isNull();
        assertThat(old.significance().sharpeDifference().automaticBlockLength()).isFalse();
        assertThat(old.model(StudyResult.LINEAR).overall().icTests()).isNull();
        assertThat(old.model(StudyResult.LINEAR).folds().getFirst().linear().famaMacBeth()).isNull();
        assertThat(old.exAnteRisk()).isNull();
        assertThat(old.tearSheet()).as("written before tear sheets").isNull();
        assertThat(old.factorSelection()).isEqualTo(StudyResult.FactorSelection.notRecorded());
        assertThat(old.model(StudyResult.LSTM).folds()).allSatisfy(f -> {
            assertThat(f.configurationsEvaluated()).isEqualTo(1);
            assertThat(f.lstmChoice()).isNull();
        });
        assertThat(StudyResultJson.write(StudyResultJson.read(StudyResultJson.write(old))))
                .isEqualTo(StudyResultJson.write(old)).contains("\"methodVersion\":1");
    }

    @Test
    void its_config_reads_with_the_old_regime_rule_ignored_and_the_fixed_block_kept() {
        StudyResult old = StudyResultJson.read(methodOneJson());
        StudyConfig config = old.config();

        assertThat(config.regimeDating()).isEqualTo(RegimeDatingSettings.defaults());
        assertThat(config.significance().automaticBlockLength()).isFalse();
        assertThat(config.significance().meanBlockLength()).isEqualTo(10.0);
        assertThat(config.significance().configurationsTried()).isEqualTo(3);
        assertThat(config.significance().screenedCandidates()).isZero();
        assertThat(config.significance().earlierStudySharpes()).isEmpty();
        // before the ex-ante risk model could be chosen: Ledoit–Wolf and the QP's Gaussian VaR limit only
        assertThat(config.allocation().covarianceModel()).isEqualTo(CovarianceModel.LEDOIT_WOLF);
        assertThat(config.allocation().varModel()).isEqualTo(VarModel.PARAMETRIC);

        JsonNode node = StudyResultJson.MAPPER.readTree(methodOneJson()).get("config");
        StudyConfig fromSnapshot = StudyConfigJson.read(node);
        assertThat(StudyConfigJson.write(fromSnapshot)).isEqualTo(StudyConfigJson.write(config))
                .doesNotContain("bullReturn").contains("\"regimeDating\"");
    }

    @Test
    void results_computed_now_carry_the_current_method_version() {
        assertThat(StudyResult.METHOD_VERSION).isEqualTo(3);
        StudyResult old = StudyResultJson.read(methodOneJson());
        StudyResult now = new StudyResult(old.codeVersion(), old.datasetLabel(), old.datasetHash(),
                old.syntheticData(), old.seed(), old.config(), old.notes(), old.timings(), old.selection(),
                old.factorMissing(), old.models(), old.returnDates(), old.portfolios(), old.currentAllocations(),
                old.regimes(), old.optimisationDegree(), old.significance(), StudyResult.METHOD_VERSION,
                old.dataTreatment(), old.exAnteRisk(), null, old.factorSelection());
        assertThat(StudyResultJson.read(StudyResultJson.write(now)).methodVersion()).isEqualTo(3);
    }
}

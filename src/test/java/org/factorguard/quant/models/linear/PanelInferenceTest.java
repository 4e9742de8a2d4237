package org.factorguard.quant.models.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.risk.ReferenceSeries;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;

class PanelInferenceTest {

    // Vectors: src/test/reference/statistics_vectors.py, block "PanelInferenceTest": 60 dates × 40 instruments,
    // y = 0.001 + 0.01 f1 − 0.005 f2 + 0.02 m_t + 0.03 e with m an MA(4) common shock (labels of horizon 5).
    // statsmodels 0.15: OLS(y, X).fit(cov_type='cluster', cov_kwds={'groups': date}, use_t=True) and
    // OLS(y, X).fit(cov_type='hac-groupsum', cov_kwds={'time': date, 'maxlags': 4}, use_t=True) (p-values with
    // Student's t, G − 1 df); Fama–MacBeth: numpy lstsq per date, then OLS(b_k, ones).fit(cov_type='HAC',
    // cov_kwds={'maxlags': 4, 'use_correction': True}, use_t=True).

    private static final int DATES = 60;
    private static final int NAMES = 40;

    private static LinearFit fit(double ridge) {
        ReferenceSeries rs = new ReferenceSeries(81);
        int days = DATES + 10;
        float[][][] values = new float[2][days][NAMES];
        for (int k = 0; k < 2; k++) {
            for (int t = 0; t < DATES; t++) {
                for (int i = 0; i < NAMES; i++) {
                    values[k][t][i] = (float) rs.gaussian();
                }
            }
        }
        double[] common = rs.movingAverage(DATES, 4);
        double[][] labels = new double[days][NAMES];
        for (int t = 0; t < days; t++) {
            for (int i = 0; i < NAMES; i++) {
                labels[t][i] = t < DATES ? 0.001 + 0.01 * values[0][t][i] - 0.005 * values[1][t][i]
                        + 0.02 * common[t] : Double.NaN;
            }
        }
        for (int t = 0; t < DATES; t++) {
            for (int i = 0; i < NAMES; i++) {
                labels[t][i] += 0.03 * rs.gaussian();
            }
        }
        LocalDate[] dates = new LocalDate[days];
        for (int t = 0; t < days; t++) {
            dates[t] = LocalDate.of(2020, 1, 1).plusDays(t);
        }
        List<String> tickers = java.util.stream.IntStream.range(0, NAMES).mapToObj(i -> "T" + i).toList();
        FactorPanel panel = new FactorPanel(List.of("f1", "f2"), dates, tickers, values, true);
        return new LinearFactorModel(new LinearModelSettings(ridge, FeatureScaling.none()))
                .fit(panel, labels, WalkForwardSplit.withoutValidation(0, DATES, 65, 70, 5, 5, 0),
                        TrainingListener.NONE, CancellationToken.NEVER).fit();
    }

    @Test
    void date_clustered_errors_match_statsmodels_cluster() {
        LinearFit fit = fit(0);
        assertThat(fit.alpha()).isCloseTo(0.00857923277018884, within(1e-13));
        assertThat(fit.beta()[0]).isCloseTo(0.00938543647249516, within(1e-13));
        assertThat(fit.beta()[1]).isCloseTo(-0.00455179200447607, within(1e-13));
        CoefficientInference c = fit.inference().dateClustered();
        assertThat(c.dates()).isEqualTo(DATES);
        assertThat(c.standardErrors()[0]).isCloseTo(0.00628762618271711, within(1e-13));
        assertThat(c.standardErrors()[1]).isCloseTo(0.00109667677082066, within(1e-14));
        assertThat(c.standardErrors()[2]).isCloseTo(0.0012597398032386, within(1e-14));
        assertThat(c.pValues()[0]).isCloseTo(1.776038262106642e-01, within(1e-10));
        assertThat(c.pValues()[1]).isCloseTo(6.270372055036455e-12, within(1e-18));
        assertThat(c.pValues()[2]).isCloseTo(6.262014903804778e-04, within(1e-11));
    }

    @Test
    void driscoll_kraay_errors_match_statsmodels_hac_groupsum() {
        CoefficientInference c = fit(0).driscollKraay(5);
        assertThat(c.method()).isEqualTo(CoefficientInference.Method.DRISCOLL_KRAAY);
        assertThat(c.lags()).isEqualTo(4);
        assertThat(c.standardErrors()[0]).isCloseTo(0.01156730983624268, within(1e-13));
        assertThat(c.standardErrors()[1]).isCloseTo(0.00121510836817955, within(1e-14));
        assertThat(c.standardErrors()[2]).isCloseTo(0.00106843841104728, within(1e-14));
        assertThat(c.pValues()[0]).isCloseTo(4.6122398598161518e-01, within(1e-10));
        assertThat(c.pValues()[1]).isCloseTo(1.6047999764766737e-10, within(1e-16));
        assertThat(c.pValues()[2]).isCloseTo(7.4469757962236766e-05, within(1e-11));
    }

    @Test
    void fama_macbeth_with_newey_west_matches_statsmodels() {
        CoefficientInference c = fit(0).famaMacBeth(5);
        double[][] expected = {
            {8.5406812833945835e-03, 1.1524342270378346e-02, 7.4109923872594174e-01, 4.6157285259927383e-01},
            {9.9089850479260142e-03, 5.6313480209745298e-04, 1.7596115549987303e+01, 3.7769804283610334e-25},
            {-4.3213331918457443e-03, 5.4644262649989001e-04, -7.9081187709037817e+00, 7.8264707590031452e-11}};
        for (int k = 0; k < 3; k++) {
            assertThat(c.estimates()[k]).as("estimate %d", k).isCloseTo(expected[k][0], within(1e-13));
            assertThat(c.standardErrors()[k]).as("se %d", k).isCloseTo(expected[k][1], within(1e-13));
            assertThat(c.tValues()[k]).as("t %d", k).isCloseTo(expected[k][2], within(1e-8));
            assertThat(c.pValues()[k]).as("p %d", k).isCloseTo(expected[k][3], within(expected[k][3] * 1e-6));
        }
        assertThat(c.dates()).isEqualTo(DATES);
    }

    @Test
    void pooled_t_values_overstate_the_intercept_that_a_common_shock_drives() {
        LinearFit fit = fit(0);
        // the MA(4) market shock moves every label of a date together: the pooled t of α is several times the
        // honest one
        assertThat(Math.abs(fit.alphaTValue())).isGreaterThan(3 * Math.abs(fit.famaMacBeth(5).tValues()[0]));
    }

    @Test
    void ridge_fits_give_fama_macbeth_but_not_driscoll_kraay() {
        LinearFit ridge = fit(0.5);
        CoefficientInference fm = ridge.famaMacBeth(5);
        CoefficientInference ols = fit(0).famaMacBeth(5);
        assertThat(Math.abs(fm.estimates()[1])).isLessThan(Math.abs(ols.estimates()[1]));
        assertThatThrownBy(() -> ridge.driscollKraay(5)).isInstanceOf(IllegalStateException.class);
    }
}

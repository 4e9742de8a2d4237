package org.factorguard.quant.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.factorguard.quant.factors.FactorPanel;
import org.junit.jupiter.api.Test;

class FeatureScalerTest {

    private final SyntheticFactorData data = SyntheticFactorData.generate(2, 100, 40, (x, t, i) -> 0, 0.01, 5L);

    @Test
    void statistics_come_from_the_training_slice_only() {
        FeatureScaler before = FeatureScaler.fit(data.panel(), 0, 60, FeatureScaling.defaults());
        FactorPanel changedLater = data.perturbedAfter(59, 9L).panel();
        FeatureScaler after = FeatureScaler.fit(changedLater, 0, 60, FeatureScaling.defaults());

        for (int k = 0; k < 2; k++) {
            assertThat(after.centre(k)).isEqualTo(before.centre(k));
            assertThat(after.scale(k)).isEqualTo(before.scale(k));
            assertThat(after.clipLimits(k)).containsExactly(before.clipLimits(k));
        }
    }

    @Test
    void values_are_clipped_then_standardised_and_missing_values_get_the_mean() {
        FeatureScaler scaler = FeatureScaler.fit(data.panel(), 0, 60, new FeatureScaling(0.01, true));
        double[] limits = scaler.clipLimits(0);

        assertThat(limits[0]).isLessThan(-1.5);
        assertThat(limits[1]).isGreaterThan(1.5);
        assertThat(scaler.apply(0, 1000f)).isCloseTo((float) ((limits[1] - scaler.centre(0)) / scaler.scale(0)),
                within(1e-6f));
        assertThat(scaler.apply(0, Float.NaN)).isZero();
        assertThat(scaler.scale(0)).isCloseTo(1, within(0.1));
    }

    @Test
    void scaler_survives_a_write_and_read() throws IOException {
        FeatureScaler scaler = FeatureScaler.fit(data.panel(), 0, 60, FeatureScaling.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        scaler.write(new DataOutputStream(bytes));
        FeatureScaler copy = FeatureScaler.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        for (float v : new float[]{-3f, 0.2f, 5f, Float.NaN}) {
            assertThat(copy.apply(1, v)).isEqualTo(scaler.apply(1, v));
        }
    }
}

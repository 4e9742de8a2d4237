package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.factorguard.quant.models.sequence.LstmSettings;
import org.junit.jupiter.api.Test;

class SavedLstmHeaderTest {

    private static final SavedLstmHeader HEADER = new SavedLstmHeader(LstmImplementation.DL4J, 20, 7,
            new LstmSettings(2, 16, 0.1, 1e-4, 2e-3, 128, 30, 4, -9L));

    @Test
    void a_written_header_reads_back_equal() throws IOException {
        assertThat(SavedLstmHeader.read(input(bytes(HEADER)), LstmImplementation.DL4J)).isEqualTo(HEADER);
    }

    @Test
    void another_format_version_is_refused() throws IOException {
        byte[] bytes = bytes(HEADER);
        ByteBuffer.wrap(bytes).putInt(4, SavedLstmHeader.VERSION + 1);

        assertThatThrownBy(() -> SavedLstmHeader.read(input(bytes), LstmImplementation.DL4J))
                .isInstanceOf(IOException.class).hasMessageContaining("format version 3");
    }

    @Test
    void impossible_settings_are_reported_as_a_corrupt_header() throws IOException {
        byte[] bytes = bytes(HEADER);
        // magic, version, UTF "DL4J" (2 + 4 bytes), steps, features, then layers
        ByteBuffer.wrap(bytes).putInt(4 + 4 + 6 + 4 + 4, 0);

        assertThatThrownBy(() -> SavedLstmHeader.read(input(bytes), LstmImplementation.DL4J))
                .isInstanceOf(IOException.class).hasMessageContaining("corrupt").hasMessageContaining("layers");
    }

    @Test
    void something_else_is_refused_by_its_magic_number() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8};

        assertThatThrownBy(() -> SavedLstmHeader.read(input(junk), LstmImplementation.FAST))
                .isInstanceOf(IOException.class).hasMessageContaining("magic");
    }

    private static byte[] bytes(SavedLstmHeader header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        header.write(data);
        data.flush();
        return out.toByteArray();
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}

package org.factorguard.quant.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Decodes an uploaded byte stream as strict UTF-8 and rejects what a text CSV file cannot be, each with
 * the physical line where it was found: more bytes than allowed, a UTF-16/UTF-32 byte order mark, an
 * invalid UTF-8 sequence, control characters other than tab, CR and LF (binary content), and lines
 * longer than allowed. A leading UTF-8 byte order mark is skipped.
 */
final class GuardedUtf8Reader extends Reader {

    /** The input was rejected; the CSV parser wraps it, the import unwraps it into a problem. */
    static final class RejectedInput extends IOException {
        final long line;
        final String detail;

        RejectedInput(long line, String detail) {
            super("line " + line + ": " + detail);
            this.line = line;
            this.detail = detail;
        }
    }

    private static final int CHUNK = 1 << 16;
    private static final long PROGRESS_STEP = 1 << 20;

    private final InputStream in;
    private final CsvImportLimits limits;
    private final LongConsumer progress;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] byteArray = new byte[CHUNK];
    private final ByteBuffer bytes = ByteBuffer.wrap(byteArray).limit(0);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK).limit(0);
    private long bytesRead;
    private long nextProgress = PROGRESS_STEP;
    private boolean started;
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;
    private int lineLength;

    GuardedUtf8Reader(InputStream in, CsvImportLimits limits, LongConsumer progress) {
        this.in = in;
        this.limits = limits;
        this.progress = progress;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            decodeChunk();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void decodeChunk() throws IOException {
        if (!started) {
            started = true;
            fillBytes(4);
            checkByteOrderMark();
        } else if (!endOfInput) {
            fillBytes(bytes.remaining() + 1); // at least one new byte, also after an incomplete sequence
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
            chars.flip();
            scan();
            throw new RejectedInput(line, "invalid UTF-8 byte sequence (the file must be UTF-8 encoded)");
        }
        if (endOfInput && !bytes.hasRemaining()) {
            decoder.flush(chars);
            flushed = true;
        }
        chars.flip();
        scan();
    }

    /** Reads until at least {@code wanted} unread bytes are buffered or the input ends. */
    private void fillBytes(int wanted) throws IOException {
        bytes.compact();
        while (bytes.position() < wanted && !endOfInput) {
            int n = in.read(byteArray, bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
                if (bytesRead > limits.maxBytes()) {
                    throw new RejectedInput(line, "the file is larger than the limit of " + limits.maxBytes()
                            + " bytes");
                }
                if (bytesRead >= nextProgress) {
                    progress.accept(bytesRead);
                    nextProgress = bytesRead + PROGRESS_STEP;
                }
            }
        }
        bytes.flip();
    }

    private void checkByteOrderMark() throws RejectedInput {
        int b0 = peek(0);
        int b1 = peek(1);
        int b2 = peek(2);
        int b3 = peek(3);
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.position(bytes.position() + 3);
        } else if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF
                || b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            throw new RejectedInput(1, "the file starts with a UTF-32 byte order mark; save it as UTF-8");
        } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            throw new RejectedInput(1, "the file starts with a UTF-16 byte order mark; save it as UTF-8");
        }
    }

    private int peek(int k) {
        return bytes.remaining() > k ? bytes.get(bytes.position() + k) & 0xFF : -1;
    }

    /** Counts lines in the decoded chunk and rejects control characters and over-long lines. */
    private void scan() throws RejectedInput {
        int max = limits.maxLineLength();
        for (int k = chars.position(); k < chars.limit(); k++) {
            char c = chars.get(k);
            if (c == '\n') {
                line++;
                lineLength = 0;
            } else if (c < 0x20 && c != '\t' && c != '\r') {
                throw new RejectedInput(line, String.format(
                        "binary content (control character 0x%02X); expected a UTF-8 text CSV file", (int) c));
            } else if (++lineLength > max) {
                throw new RejectedInput(line, "the line is longer than the limit of " + max + " characters");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package io.fashionrec.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into physical lines and decodes each one on its own.
 *
 * <p>Lines end at LF, CRLF or a lone CR; a last line without a terminator is still a line, and
 * nothing follows the last terminator. A UTF-8 byte order mark at the start of the stream is
 * dropped. Each line is decoded strictly as UTF-8; a line that is not valid UTF-8 is decoded as
 * Windows-1252 instead and carries the reason in {@link PhysicalLine#encodingProblem()}. The
 * splitting works on bytes so that no decoder can silently replace a bad byte, and so that one bad
 * line cannot change how its neighbours are decoded (CR and LF never occur inside a UTF-8
 * multi-byte sequence).
 *
 * <p>Not thread-safe. Closing it closes the stream.
 */
final class PhysicalLineReader implements Closeable {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    PhysicalLineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the stream. */
    PhysicalLine next() throws IOException {
        int length = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            length = append(length, start, position);
            if (position < limit) {
                byte terminator = buffer[position++];
                if (terminator == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
        }
        lineNumber++;
        int from = lineNumber == 1 && startsWithBom(length) ? BOM.length : 0;
        return decode(from, length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private int append(int length, int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, from, line, length, n);
        return length + n;
    }

    private boolean startsWithBom(int length) {
        return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    private PhysicalLine decode(int from, int to) {
        int length = to - from;
        if (isAscii(from, to)) {
            return new PhysicalLine(lineNumber, new String(line, from, length, StandardCharsets.US_ASCII), null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, from, length);
        // UTF-8 never yields more chars than it has bytes.
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (!result.isError()) {
            return new PhysicalLine(lineNumber, chars.flip().toString(), null);
        }
        int bad = bytes.position();
        String reason = String.format("byte %d of the line (0x%02X) is not valid UTF-8: decoded the line as Windows-1252",
                bad - from + 1, line[bad] & 0xFF);
        return new PhysicalLine(lineNumber, new String(line, from, length, WINDOWS_1252), reason);
    }

    private boolean isAscii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }
}

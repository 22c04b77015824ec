package io.fashionrec.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A randomly shaped catalog file for fuzz tests, built from physical lines: a random line-end style
 * (LF, CRLF, CR or a mix), sometimes a BOM, sometimes no final line end, and sometimes truncated at
 * a random byte. Remembers where each line ends so that a test knows which lines survived a cut.
 */
final class FuzzFile {

    private static final byte[][] LINE_ENDS = {{'\n'}, {'\r', '\n'}, {'\r'}};

    private final Random random;
    private final List<byte[]> lines = new ArrayList<>();
    private long[] lineEnds;
    private int cut = Integer.MAX_VALUE;

    FuzzFile(Random random) {
        this.random = random;
    }

    /** The number the next added line will have. */
    long nextLine() {
        return lines.size() + 1;
    }

    /** Adds one physical line (no line end) and returns its number. */
    long add(byte[] line) {
        lines.add(line);
        return lines.size();
    }

    long add(String line) {
        return add(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The file's bytes. Truncation, when it happens, keeps the first {@code keptLines} lines whole.
     */
    byte[] build(int keptLines) {
        int style = random.nextInt(LINE_ENDS.length + 1);
        boolean finalLineEnd = random.nextBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(5) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        lineEnds = new long[lines.size()];
        byte[] previousEnd = null;
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || finalLineEnd) {
                byte[] end = LINE_ENDS[style < LINE_ENDS.length ? style : random.nextInt(LINE_ENDS.length)];
                if (previousEnd == LINE_ENDS[2] && lines.get(i).length == 0 && end == LINE_ENDS[0]) {
                    // CR, an empty line and LF would read as one CRLF: the mix must not merge lines.
                    end = LINE_ENDS[2];
                }
                out.writeBytes(end);
                previousEnd = end;
            }
            lineEnds[i] = out.size();
        }
        byte[] bytes = out.toByteArray();
        int keptBytes = keptLines == 0 ? 0 : (int) lineEnds[keptLines - 1];
        if (bytes.length > keptBytes + 1 && random.nextInt(100) < 15) {
            cut = keptBytes + 1 + random.nextInt(bytes.length - keptBytes - 1);
            return Arrays.copyOf(bytes, cut);
        }
        return bytes;
    }

    boolean truncated() {
        return cut != Integer.MAX_VALUE;
    }

    /** Whether line {@code line}, with its line end, is entirely in the built file. */
    boolean whole(long line) {
        return lineEnds[(int) line - 1] <= cut;
    }

    /**
     * Random bytes for a garbage row: many commas, some spaces and tabs, high bytes (not UTF-8 on
     * their own), control characters, and no line ends. Double quotes appear only when
     * {@code quotes} is true, and then only inside a field (after a byte that is neither a comma
     * nor a space or tab), where they are data: a quote that opens a field is a different test.
     */
    static byte[] garbage(Random random, int maxLength, boolean quotes) {
        int length = random.nextInt(maxLength + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        int previous = ',';
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(100);
            int b;
            if (roll < 25) {
                b = ',';
            } else if (roll < 35) {
                b = random.nextBoolean() ? ' ' : '\t';
            } else if (roll < 45) {
                b = 0x80 + random.nextInt(0x80);
            } else if (roll < 50) {
                b = random.nextInt(0x20);
                b = b == '\n' || b == '\r' ? 0x1F : b;
            } else if (roll < 55 && quotes && previous != ',' && previous != ' ' && previous != '\t') {
                b = '"';
            } else {
                b = 0x21 + random.nextInt(0x7F - 0x21);
                b = b == '"' ? 'x' : b;
            }
            out.write(b);
            previous = b;
        }
        return out.toByteArray();
    }
}

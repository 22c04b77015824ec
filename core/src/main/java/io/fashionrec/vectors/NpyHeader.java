package io.fashionrec.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file holding a 2-D, C-order, little-endian array: the magic
 * string, the version, and the Python dict literal that gives the element type and shape.
 * Format: <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>.
 *
 * @param type       the element type
 * @param rows       the first dimension
 * @param cols       the second dimension
 * @param dataOffset where the elements start in the file
 */
record NpyHeader(NpyType type, long rows, long cols, long dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the header so the data starts on this boundary (it uses 64 since 1.x; older files 16, which we still read). */
    private static final int ALIGNMENT = 64;
    /** The largest header numpy itself reads without {@code allow_pickle}-style overrides; a bigger one is not an array header. */
    private static final int MAX_HEADER = 1 << 20;

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    long elements() {
        return rows * cols;
    }

    /** Bytes of element data the header promises. */
    long dataBytes() {
        return elements() * type.bytes();
    }

    /**
     * Reads and checks the header at the start of {@code in}, which holds at least the first
     * bytes of {@code file} (named in errors only).
     *
     * @param head   the file's first bytes: at least the whole header, or the whole file if shorter
     * @throws IOException naming the file and what is wrong: not a .npy file, an unsupported
     *                     version, element type or byte order, Fortran order, not 2-D, or a header
     *                     cut short
     */
    static NpyHeader parse(Path file, ByteBuffer head) throws IOException {
        head.order(ByteOrder.LITTLE_ENDIAN);
        if (head.remaining() < MAGIC.length + 2) {
            throw new IOException(file + " is not a .npy file: only " + head.remaining() + " bytes");
        }
        for (byte b : MAGIC) {
            if (head.get() != b) {
                throw new IOException(file + " is not a .npy file: it does not start with \\x93NUMPY");
            }
        }
        int major = head.get() & 0xff;
        int minor = head.get() & 0xff;
        long length;
        if (major == 1) {
            length = need(file, head, 2) ? head.getShort() & 0xffff : 0;
        } else if (major == 2 || major == 3) {
            length = need(file, head, 4) ? head.getInt() & 0xffffffffL : 0;
        } else {
            throw new IOException(file + " is .npy version " + major + "." + minor + "; only 1.0, 2.0 and 3.0 are read");
        }
        if (length > MAX_HEADER) {
            throw new IOException(file + " has a .npy header of " + length + " bytes, more than any array header needs");
        }
        if (head.remaining() < length) {
            throw new IOException(file + " is truncated: its .npy header needs " + length + " bytes, " + head.remaining() + " remain");
        }
        byte[] text = new byte[(int) length];
        head.get(text);
        // Versions 1 and 2 write the dict in Latin-1, version 3 in UTF-8; the keys and values we read are ASCII in all three.
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyType type = NpyType.fromDescr(file, group(file, dict, DESCR, "'descr'"));
        if (group(file, dict, FORTRAN, "'fortran_order'").equals("True")) {
            throw new IOException(file + " holds a Fortran-order (column-major) array; save it in C order "
                    + "(numpy: np.save(path, np.ascontiguousarray(a)))");
        }
        long[] shape = shape(file, group(file, dict, SHAPE, "'shape'"));
        if (shape.length != 2) {
            throw new IOException(file + " holds a " + shape.length + "-D array of shape " + dictShape(shape)
                    + "; a 2-D array (rows x dimension) is needed");
        }
        return new NpyHeader(type, shape[0], shape[1], head.position());
    }

    private static boolean need(Path file, ByteBuffer head, int bytes) throws IOException {
        if (head.remaining() < bytes) {
            throw new IOException(file + " is truncated inside its .npy header length");
        }
        return true;
    }

    private static String group(Path file, String dict, Pattern pattern, String key) throws IOException {
        Matcher m = pattern.matcher(dict);
        if (!m.find()) {
            throw new IOException(file + " has a .npy header without a readable " + key + ": " + dict.strip());
        }
        return m.group(1);
    }

    private static long[] shape(Path file, String tuple) throws IOException {
        String[] parts = tuple.split(",");
        int n = parts.length;
        if (n > 0 && parts[n - 1].isBlank()) {
            n--; // (3,) and (3, 4,) end with a comma
        }
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Long.parseLong(parts[i].strip().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new IOException(file + " has a .npy shape that is not a tuple of integers: (" + tuple + ")");
            }
            if (shape[i] < 0) {
                throw new IOException(file + " has a negative dimension in its .npy shape (" + tuple + ")");
            }
        }
        return shape;
    }

    /** The header bytes (magic to the newline) numpy would write for a C-order 2-D array. */
    static byte[] format(NpyType type, long rows, long cols) {
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }",
                type.descr(), rows, cols);
        // Version 1.0 (a 2-byte length) always suffices for a 2-D shape; pad with spaces to the alignment, ending in '\n'.
        int prefix = MAGIC.length + 2 + 2;
        int total = prefix + dict.length() + 1;
        int padded = (total + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer out = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    private static String dictShape(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }
}

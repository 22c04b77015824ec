package io.fashionrec.vectors;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code .npy} element types this project reads and writes: little-endian only. */
enum NpyType {
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8),
    INT64("<i8", 8);

    private final String descr;
    private final int bytes;

    NpyType(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    String descr() {
        return descr;
    }

    int bytes() {
        return bytes;
    }

    /**
     * The type a header's {@code descr} names.
     *
     * @throws IOException naming the file for a big-endian or unsupported type
     */
    static NpyType fromDescr(Path file, String descr) throws IOException {
        for (NpyType t : values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
        }
        if (descr.startsWith(">")) {
            throw new IOException(file + " holds big-endian numbers ('" + descr + "'); convert it to little-endian "
                    + "(numpy: a.astype('<f4'))");
        }
        throw new IOException(file + " holds elements of type '" + descr + "'; only float32 ('<f4'), float64 ('<f8') and int64 ('<i8') are read");
    }
}

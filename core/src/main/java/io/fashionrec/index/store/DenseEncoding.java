package io.fashionrec.index.store;

/** How the values of a dense matrix are stored: the code in the file and the bytes per value. */
public enum DenseEncoding {
    /** IEEE 754 single precision, 4 bytes little-endian; code 0. */
    FLOAT32(0, Float.BYTES),
    /** IEEE 754 double precision, 8 bytes little-endian; code 1. */
    FLOAT64(1, Double.BYTES);

    final int code;
    final int bytes;

    DenseEncoding(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The encoding stored as {@code code}, or null for an unknown code. */
    static DenseEncoding forCode(int code) {
        for (DenseEncoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}

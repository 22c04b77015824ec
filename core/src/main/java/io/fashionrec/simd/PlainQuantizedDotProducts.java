package io.fashionrec.simd;

/** {@link QuantizedDotProducts} in plain Java, for JVMs without the Vector API. */
public final class PlainQuantizedDotProducts implements QuantizedDotProducts {

    public static final PlainQuantizedDotProducts INSTANCE = new PlainQuantizedDotProducts();

    private PlainQuantizedDotProducts() {
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void scan(float[] query, byte[] codes, int rows, float[] out) {
        QuantizedDotProducts.checkScan(query, codes, rows, out);
        int d = query.length;
        for (int j = 0, row = 0; j < rows; j++, row += d) {
            // four independent sums so consecutive multiply-adds do not wait on each other
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 4 <= d; i += 4) {
                s0 += query[i] * codes[row + i];
                s1 += query[i + 1] * codes[row + i + 1];
                s2 += query[i + 2] * codes[row + i + 2];
                s3 += query[i + 3] * codes[row + i + 3];
            }
            for (; i < d; i++) {
                s0 += query[i] * codes[row + i];
            }
            out[j] = (s0 + s1) + (s2 + s3);
        }
    }
}

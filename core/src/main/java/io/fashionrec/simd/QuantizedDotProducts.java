package io.fashionrec.simd;

/**
 * The kernel of a search over a compact int8 copy of the vectors: a scan of every int8 row
 * (cheap: a quarter of the memory traffic of float32 rows). The scan's best candidates are then
 * re-scored exactly with {@link DotProducts#dot}, the same bits as a float32 scan.
 * {@link DotProductsProvider#quantized()} gives the fastest implementation this JVM can run.
 *
 * <p>Implementations are stateless and thread-safe. As with {@link DotProducts}, the order of
 * addition is the implementation's own: each result is within {@code d} float roundings of the
 * exact sum.
 */
public interface QuantizedDotProducts {

    /**
     * {@code out[j] = sum_i query[i] * codes[j * d + i]} for rows {@code j < rows}, with
     * {@code d = query.length}: the product with the unscaled int8 codes (the caller multiplies by
     * the row's scale).
     *
     * @param codes at least {@code rows * query.length} bytes, row-major
     * @param out   at least {@code rows} floats
     * @throws IllegalArgumentException if an array is too short
     */
    void scan(float[] query, byte[] codes, int rows, float[] out);

    /** A short name for logs and benchmarks. */
    String name();

    /** The length checks of {@link #scan}, shared by the implementations. */
    static void checkScan(float[] query, byte[] codes, int rows, float[] out) {
        if (rows < 0 || (long) rows * query.length > codes.length) {
            throw new IllegalArgumentException(rows + " rows of " + query.length + " codes need "
                    + (long) rows * query.length + " bytes, got " + codes.length);
        }
        if (out.length < rows) {
            throw new IllegalArgumentException("the output holds " + out.length + " floats for " + rows + " rows");
        }
    }
}

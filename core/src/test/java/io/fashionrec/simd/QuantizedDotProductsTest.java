package io.fashionrec.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both {@link QuantizedDotProducts} against double-precision sums, over dimensions that leave every tail length. */
class QuantizedDotProductsTest {

    private static final List<QuantizedDotProducts> ALL = List.of(PlainQuantizedDotProducts.INSTANCE, PanamaQuantizedDotProducts.INSTANCE);

    @Test
    void scanMatchesDoublePrecisionSums() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int d : new int[] {1, 3, 7, 8, 15, 16, 17, 33, 64, 100, 512, 1031}) {
            int rows = 1 + random.nextInt(9);
            float[] query = new float[d];
            byte[] codes = new byte[rows * d + 5];
            for (int i = 0; i < d; i++) {
                query[i] = (float) random.nextGaussian();
            }
            random.nextBytes(codes);
            for (QuantizedDotProducts k : ALL) {
                float[] out = new float[rows];
                k.scan(query, codes, rows, out);
                for (int j = 0; j < rows; j++) {
                    double want = 0;
                    double magnitude = 0;
                    for (int i = 0; i < d; i++) {
                        want += (double) query[i] * codes[j * d + i];
                        magnitude += Math.abs((double) query[i] * codes[j * d + i]);
                    }
                    String at = k.name() + ", seed " + seed + ", d " + d + ", row " + j;
                    assertEquals(want, out[j], magnitude * 1e-5, at);
                }
            }
        }
    }

    @Test
    void scanRejectsShortArrays() {
        for (QuantizedDotProducts k : ALL) {
            assertThrows(IllegalArgumentException.class, () -> k.scan(new float[4], new byte[7], 2, new float[2]));
            assertThrows(IllegalArgumentException.class, () -> k.scan(new float[4], new byte[8], 2, new float[1]));
        }
    }

    @Test
    void theProviderChoosesTheVectorApiKernelWhereTheFloatKernelIsSimd() {
        QuantizedDotProducts expected = PanamaQuantizedDotProducts.supports(PanamaDotProducts.preferredFloatLanes())
                ? PanamaQuantizedDotProducts.INSTANCE : PlainQuantizedDotProducts.INSTANCE;
        assertSame(expected, DotProductsProvider.quantized());
    }
}

package io.fashionrec.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fashionrec.feature.FloatMatrix;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ExactVectorSearch} under the shared contract, with float32 rows and with the int8 copy. */
class ExactVectorSearchTest extends VectorSearchTestCase {

    @Override
    protected VectorSearch build(FloatMatrix vectors) {
        return ExactVectorSearch.of(vectors);
    }

    @Test
    void oneCoreAndAllCoresFindTheSameHits() {
        long seed = seed();
        Random random = new Random(seed);
        FloatMatrix vectors = clustered(random, 5000, 300, 30);
        ExactVectorSearch one = ExactVectorSearch.builder(vectors).threads(1).build();
        ExactVectorSearch all = ExactVectorSearch.of(vectors);
        for (float[] query : rows(clustered(random, 10, 300, 30))) {
            assertEquals(one.search(query, 7, null), all.search(query, 7, null), "seed " + seed);
        }
    }

    @Test
    void threadsOutsideTheCoresAreRejected() {
        FloatMatrix vectors = randomUnitRows(new Random(3), 10, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactVectorSearch.builder(vectors).threads(0));
        assertEquals("threads must be 1 to " + Runtime.getRuntime().availableProcessors()
                + " (the cores of this machine), got 0", e.getMessage());
    }

    /** The int8 copy scanned first, then re-scored: the same contract, exact ids included. */
    @Nested
    class Int8 extends VectorSearchTestCase {

        @Override
        protected VectorSearch build(FloatMatrix vectors) {
            return ExactVectorSearch.builder(vectors).storage(ExactVectorSearch.Storage.INT8).build();
        }

        @Test
        void findsTheFloat32IdsWhereInt8ScoresAreTooCoarseToTell() {
            // Tight clusters: near the top, products differ by less than int8 rounding, so the
            // int8 order alone is wrong and only the error bound keeps the ids exact.
            long seed = seed();
            Random random = new Random(seed);
            FloatMatrix vectors = clustered(random, 4000, 64, 4);
            ExactVectorSearch float32 = ExactVectorSearch.of(vectors);
            VectorSearch int8 = build(vectors);
            for (float[] query : rows(clustered(random, 40, 64, 4))) {
                assertSameHits(float32.search(query, 10, null), int8.search(query, 10, null), "seed " + seed);
            }
        }
    }
}

package io.fashionrec.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsTheBestByScoreThenLowerOrdinalLikeAFullSort() {
        long seed = 42;
        Random random = new Random(seed);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(300);
            int k = 1 + random.nextInt(20);
            // few distinct values, so ties are common
            double[] scores = IntStream.range(0, n).mapToDouble(i -> random.nextInt(7) / 7.0).toArray();
            TopK top = new TopK(k);
            for (int i = 0; i < n; i++) {
                top.offer(scores[i], i);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, top.ordinals(), "trial " + trial + " seed " + seed);
        }
    }
}

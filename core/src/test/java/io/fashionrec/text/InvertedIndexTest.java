package io.fashionrec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InvertedIndexTest {

    @Test
    void smallIndexByHand() {
        List<SparseVector> rows = List.of(
                new SparseVector(new int[] {0, 2}, new float[] {0.6f, 0.8f}),
                SparseVector.EMPTY,
                new SparseVector(new int[] {2, 3}, new float[] {1f, 0.5f}));
        InvertedIndex index = InvertedIndex.build(rows, 5);
        assertEquals(3, index.documentCount());
        assertEquals(5, index.vocabularySize());
        assertEquals(2, index.documentFrequency(2));
        assertEquals(0, index.documentFrequency(4));
        float[] scores = {10f, 20f, 30f};
        index.accumulate(new SparseVector(new int[] {2, 4}, new float[] {0.5f, 1f}), scores);
        // Scores are added to what was there: 10 + 0.8*0.5, 20 untouched, 30 + 1*0.5.
        assertArrayEquals(new float[] {10.4f, 20f, 30.5f}, scores, 1e-6f);
    }

    @Test
    void equalsBruteForceDotProductsOnRandomRows() {
        long seed = 20_240_517L;
        Random random = new Random(seed);
        int vocabulary = 300;
        List<SparseVector> rows = new ArrayList<>();
        for (int d = 0; d < 500; d++) {
            rows.add(randomVector(random, vocabulary, random.nextInt(12)));
        }
        InvertedIndex index = InvertedIndex.build(rows, vocabulary);
        for (int q = 0; q < 50; q++) {
            SparseVector query = randomVector(random, vocabulary, 1 + random.nextInt(20));
            float[] scores = new float[rows.size()];
            index.accumulate(query, scores);
            for (int d = 0; d < rows.size(); d++) {
                assertEquals(query.dot(rows.get(d)), scores[d], 1e-5, "seed " + seed + ", query " + q + ", row " + d);
            }
        }
    }

    @Test
    void rejectsMismatchedInputsWithTheBadValue() {
        List<SparseVector> rows = List.of(new SparseVector(new int[] {7}, new float[] {1f}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InvertedIndex.build(rows, 5));
        assertTrue(e.getMessage().contains("index 7"), e.getMessage());
        InvertedIndex index = InvertedIndex.build(rows, 8);
        e = assertThrows(IllegalArgumentException.class, () -> index.accumulate(SparseVector.EMPTY, new float[2]));
        assertTrue(e.getMessage().contains("2 entries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> index.accumulate(new SparseVector(new int[] {8}, new float[] {1f}), new float[1]));
        assertTrue(e.getMessage().contains("term index 8"), e.getMessage());
    }

    private static SparseVector randomVector(Random random, int vocabulary, int nonZeros) {
        TreeMap<Integer, Float> entries = new TreeMap<>();
        while (entries.size() < nonZeros) {
            // A small vocabulary slice makes shared terms, and so non-zero products, common.
            entries.put(random.nextInt(random.nextBoolean() ? 20 : vocabulary), random.nextFloat() * 2 - 1);
        }
        int[] indices = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        int i = 0;
        for (float v : entries.values()) {
            values[i++] = v;
        }
        return new SparseVector(indices, values);
    }
}

package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdOrdinalsTest {

    @Test
    void findsEveryIdAndNoOther() {
        IdOrdinals table = new IdOrdinals(ProductTable.Column.of(List.of("15970", "39386", "59263", "")));
        assertEquals(0, table.ordinal("15970"));
        assertEquals(2, table.ordinal("59263"));
        assertEquals(3, table.ordinal(""));
        assertEquals(-1, table.ordinal("1597"));
        assertEquals(-1, table.ordinal("x"));
    }

    @Test
    void tellsApartIdsOfEqualHash() {
        // "Aa" and "BB" have the same String.hashCode, as do their concatenations.
        List<String> ids = List.of("AaAa", "BBBB", "AaBB", "BBAa", "Aa", "BB");
        IdOrdinals table = new IdOrdinals(ProductTable.Column.of(ids));
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, table.ordinal(ids.get(i)), ids.get(i));
        }
        assertEquals(-1, table.ordinal("AaAaAa"));
    }

    @Test
    void findsIdsBeyondAscii() {
        List<String> ids = List.of("größe-42", "größe-43", "靴-1", "😀", "plain");
        IdOrdinals table = new IdOrdinals(ProductTable.Column.of(ids));
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, table.ordinal(ids.get(i)), ids.get(i));
        }
        assertEquals(-1, table.ordinal("grosse-42"));
    }

    @Test
    void rejectsADuplicateNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IdOrdinals(ProductTable.Column.of(List.of("7", "Aa", "8", "Aa"))));
        assertTrue(e.getMessage().contains("duplicate product id Aa") && e.getMessage().contains("1 and 3"), e.getMessage());
        assertEquals(-1, new IdOrdinals(ProductTable.Column.of(List.of())).ordinal("7"));
    }

    @Test
    void agreesWithAHashMapOnRandomIds() {
        long seed = 20_250_611L;
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            int n = random.nextInt(1000); // of the 1,554 possible ids
            Map<String, Integer> expected = new HashMap<>();
            List<String> ids = new ArrayList<>();
            while (ids.size() < n) {
                // short ids from a small alphabet, so that hashes collide and probes run long
                String id = randomId(random);
                if (expected.putIfAbsent(id, ids.size()) == null) {
                    ids.add(id);
                }
            }
            IdOrdinals table = new IdOrdinals(ProductTable.Column.of(ids));
            for (String id : ids) {
                assertEquals(expected.get(id), table.ordinal(id), "seed " + seed + ", round " + round + ", id " + id);
            }
            for (int q = 0; q < 200; q++) {
                String id = randomId(random);
                assertEquals(expected.getOrDefault(id, -1), table.ordinal(id), "seed " + seed + ", round " + round + ", id " + id);
            }
        }
    }

    private static String randomId(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            s.append("AaBb0C".charAt(random.nextInt(6)));
        }
        return s.toString();
    }
}

package io.fashionrec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random JSON Lines files mixing valid records with malformed, corrupted, id-less and duplicate
 * lines: the reader must never throw, must read every valid record exactly, and must account for
 * every other line with a product or a problem at that line. Reproduce a failure with the seed in
 * its message ({@code -Dfashionrec.fuzz.seed=N} sets the first case's seed).
 */
class JsonLinesFuzzTest {

    private static final long SEED = Long.getLong("fashionrec.fuzz.seed", 20_250_611L);
    private static final int CASES = 300;
    private static final int MAX_LINES = 120;

    @TempDir
    Path dir;

    @Test
    void validRecordsAreNeverLostAndEveryOtherLineIsAccountedFor() throws IOException {
        ReaderFuzzing.run(dir.resolve("products.jsonl"), new JsonLinesReader(), SEED, CASES, JsonCase::new);
    }


    private enum Kind { VALID, NO_ID, DUPLICATE, GARBAGE, CORRUPT, BLANK, BAD_ENCODING }

    /** A generated line and, for valid records, the product it must give and its attribute keys (nulls included). */
    private record Line(Kind kind, long number, Expected expected, List<String> keys) {
    }

    /** What a valid record must be read as; its image, when named, never exists. */
    private record Expected(String id, String name, String description, Map<String, String> attributes) {
    }

    /** One generated file and its expectations. */
    private static final class JsonCase implements ReaderFuzzing.Case {

        private static final List<String> KEYS = List.of("brand", "colour", "price", "onSale", "tags", "size", "rating", "material");
        private static final String[] WORDS = {"Blue", "Shirt", "Cotton", "Café", "日本", "Größe", "Heels", "Kurta"};
        private static final String[] BAD_IDS = {"", "\"id\": null, ", "\"id\": \"\", ", "\"id\": \"  \", ", "\"id\": true, ",
            "\"id\": {\"x\": 1}, ", "\"id\": [1], "};
        private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

        private final Random random;
        private final FuzzFile file;
        private final List<Line> lines = new ArrayList<>();
        private final List<String> productIds = new ArrayList<>();
        private final KindMix<Kind> mix = new KindMix<>(Kind.class, new int[] {45, 5, 5, 10, 10, 10, 5},
                Map.of(Kind.NO_ID, 5, Kind.DUPLICATE, 5, Kind.GARBAGE, 8, Kind.CORRUPT, 8));
        private final byte[] bytes;

        JsonCase(Random random) {
            this.random = random;
            this.file = new FuzzFile(random);
            int count = random.nextInt(MAX_LINES + 1);
            for (int n = 0; n < count; n++) {
                lines.add(line(pick(), n));
            }
            bytes = file.build(0);
        }

        private Kind pick() {
            return mix.pick(random, kind -> kind != Kind.DUPLICATE || !productIds.isEmpty());
        }

        private Line line(Kind kind, int n) {
            long number = file.nextLine();
            switch (kind) {
                case VALID -> {
                    boolean numeric = random.nextBoolean();
                    String id = numeric ? Integer.toString(1_000_000 + n) : "v" + n;
                    String name = words(random.nextInt(4));
                    String description = random.nextInt(3) == 0 ? words(3) : "";
                    StringBuilder json = new StringBuilder("{\"id\": ").append(numeric ? id : "\" " + id + "\"");
                    if (!name.isEmpty() || random.nextBoolean()) {
                        json.append(", \"name\": \"  ").append(escape(name)).append('"');
                    }
                    if (!description.isEmpty()) {
                        json.append(", \"description\": \"").append(escape(description)).append('"');
                    }
                    if (random.nextInt(4) == 0) {
                        json.append(", \"image\": \"img/none-").append(n).append(".jpg\"");
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    List<String> keys = attributes(json, attributes);
                    file.add(json.append('}').toString());
                    productIds.add(id);
                    return new Line(kind, number, new Expected(id, name, description, attributes), keys);
                }
                case NO_ID -> {
                    file.add("{" + BAD_IDS[random.nextInt(BAD_IDS.length)] + "\"name\": \"" + escape(words(2)) + "\"}");
                    return new Line(kind, number, null, List.of());
                }
                case DUPLICATE -> {
                    String id = productIds.get(random.nextInt(productIds.size()));
                    boolean asNumber = id.chars().allMatch(Character::isDigit) && random.nextBoolean();
                    file.add("{\"id\": " + (asNumber ? id : "\"" + id + "\"") + ", \"name\": \"Another\"}");
                    return new Line(kind, number, null, List.of());
                }
                case GARBAGE -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(("g" + n + "_").getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(FuzzFile.garbage(random, 80, true));
                    file.add(out.toByteArray());
                    return new Line(kind, number, null, List.of());
                }
                case CORRUPT -> {
                    // Keys outside KEYS and an id no valid record has, so that what a corrupted
                    // record still parses to cannot collide with what the check looks for.
                    byte[] json = ("{\"id\": \"corrupt-" + n + "\", \"name\": \"" + escape(words(2)) + "\", \"xx_brand\": [1, 2]}")
                            .getBytes(StandardCharsets.UTF_8);
                    file.add(mutate(json));
                    return new Line(kind, number, null, List.of());
                }
                case BLANK -> {
                    file.add(" \t ".substring(random.nextInt(4)));
                    return new Line(kind, number, null, List.of());
                }
                case BAD_ENCODING -> {
                    String id = "w" + n;
                    byte bad = new byte[] {(byte) 0xE9, (byte) 0x93, (byte) 0xA3, (byte) 0xFC}[random.nextInt(4)];
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(("{\"id\": \"" + id + "\", \"name\": \"Caf").getBytes(StandardCharsets.US_ASCII));
                    out.write(bad);
                    out.writeBytes("\", \"brand\": \"Plain\"}".getBytes(StandardCharsets.US_ASCII));
                    file.add(out.toByteArray());
                    productIds.add(id);
                    String name = "Caf" + new String(new byte[] {bad}, WINDOWS_1252);
                    return new Line(kind, number, new Expected(id, name, "", Map.of("brand", "Plain")), List.of("brand"));
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        /** Appends random attributes of every JSON type; returns their keys, in order, nulls included. */
        private List<String> attributes(StringBuilder json, Map<String, String> expected) {
            List<String> keys = new ArrayList<>(KEYS);
            Collections.shuffle(keys, random);
            keys = keys.subList(0, random.nextInt(5));
            for (String key : keys) {
                json.append(", \"").append(key).append("\": ");
                String text;
                switch (random.nextInt(7)) {
                    case 0 -> {
                        String word = WORDS[random.nextInt(WORDS.length)];
                        json.append("\" ").append(escape(word)).append(" \"");
                        text = word;
                    }
                    case 1 -> {
                        int value = random.nextInt(20_000) - 10_000;
                        json.append(value);
                        text = Integer.toString(value);
                    }
                    case 2 -> {
                        double value = random.nextInt(4000) / 4.0;
                        json.append(value);
                        text = Double.toString(value);
                    }
                    case 3 -> {
                        boolean value = random.nextBoolean();
                        json.append(value);
                        text = Boolean.toString(value);
                    }
                    case 4 -> {
                        json.append("null");
                        text = null;
                    }
                    case 5 -> {
                        json.append("[ \"a\", 2, true ]");
                        text = "[\"a\",2,true]";
                    }
                    default -> {
                        json.append("{ \"w\" : 30, \"unit\" : \"cm\" }");
                        text = "{\"w\":30,\"unit\":\"cm\"}";
                    }
                }
                if (text != null) {
                    expected.put(key, text);
                }
            }
            return keys;
        }

        /** One or two random byte edits (delete, insert, replace), never adding a line end. */
        private byte[] mutate(byte[] json) {
            byte[] out = json;
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(out.length);
                byte b = (byte) (0x20 + random.nextInt(0xE0));
                out = switch (random.nextInt(3)) {
                    case 0 -> concat(Arrays.copyOfRange(out, 0, at), Arrays.copyOfRange(out, at + 1, out.length));
                    case 1 -> concat(Arrays.copyOfRange(out, 0, at), concat(new byte[] {b}, Arrays.copyOfRange(out, at, out.length)));
                    default -> {
                        byte[] copy = out.clone();
                        copy[at] = b;
                        yield copy;
                    }
                };
            }
            return out;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private String words(int count) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                out.append(i == 0 ? "" : random.nextBoolean() ? " \"" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            return out.toString();
        }

        /** JSON string escaping for the characters {@link #words} produces, sometimes as \\u escapes. */
        private String escape(String text) {
            String escaped = text.replace("\"", "\\\"");
            return random.nextBoolean() ? escaped : escaped.replace("é", "\\u00e9");
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }

        @Override
        public void check(Catalog catalog, ProblemReport problems, String context) {
            Map<Long, Product> byLine = new HashMap<>();
            for (Product product : catalog.products()) {
                assertNull(byLine.put(product.origin().line(), product), context + "two products from one line");
            }
            List<ProblemKind> skipping = List.of(ProblemKind.MALFORMED_RECORD, ProblemKind.MISSING_ID, ProblemKind.DUPLICATE_ID);
            Map<ProblemKind, List<Long>> reported = new EnumMap<>(ProblemKind.class);
            for (ProblemKind kind : skipping) {
                assertEquals(problems.count(kind), problems.examples(kind).size(), context + "the generator must keep " + kind
                        + " under the examples kept, or this check cannot see every one");
                reported.put(kind, CatalogFixtures.lines(problems, kind));
            }
            Set<String> expectedKeys = new LinkedHashSet<>();
            long uncertainFrom = Long.MAX_VALUE;
            for (Line line : lines) {
                if (!file.whole(line.number())) {
                    uncertainFrom = Math.min(uncertainFrom, line.number());
                    continue;
                }
                String at = context + line.kind() + " line " + line.number() + ": ";
                Product product = byLine.get(line.number());
                boolean skipped = skipping.stream().anyMatch(kind -> reported.get(kind).contains(line.number()));
                switch (line.kind()) {
                    case VALID, BAD_ENCODING -> {
                        assertNotNull(product, at + "no product");
                        Expected expected = line.expected();
                        assertEquals(expected.id(), product.id(), at);
                        assertEquals(expected.name(), product.name(), at);
                        assertEquals(expected.description(), product.description(), at);
                        assertNull(product.image(), at);
                        assertEquals(List.copyOf(expected.attributes().entrySet()), List.copyOf(product.attributes().entrySet()), at);
                        expectedKeys.addAll(line.keys());
                    }
                    case NO_ID -> assertTrue(product == null && reported.get(ProblemKind.MISSING_ID).contains(line.number()),
                            () -> at + "reported " + reported);
                    case DUPLICATE -> assertTrue(product == null && reported.get(ProblemKind.DUPLICATE_ID).contains(line.number()),
                            () -> at + "reported " + reported);
                    case GARBAGE -> assertTrue(product == null && reported.get(ProblemKind.MALFORMED_RECORD).contains(line.number()),
                            () -> at + "reported " + reported);
                    case CORRUPT -> assertTrue(product != null ^ skipped, () -> at + "neither a product nor skipped with a report: " + reported);
                    case BLANK -> assertFalse(product != null || skipped, at + "a blank line must give nothing");
                    default -> throw new IllegalStateException(line.kind().name());
                }
            }
            for (Product product : catalog.products()) {
                long number = product.origin().line();
                Kind kind = number <= lines.size() ? lines.get((int) number - 1).kind() : null;
                assertTrue(number >= uncertainFrom || kind == Kind.VALID || kind == Kind.BAD_ENCODING || kind == Kind.CORRUPT,
                        context + "a product from line " + number + " (" + kind + ")");
            }
            List<String> names = catalog.attributeNames().stream().filter(KEYS::contains).toList();
            List<String> expectedNames = List.copyOf(expectedKeys);
            assertEquals(expectedNames, names.subList(0, Math.min(names.size(), expectedNames.size())), context + "attribute names");
            if (!file.truncated()) {
                assertEquals(expectedNames, names, context + "attribute names");
            }
        }
    }
}

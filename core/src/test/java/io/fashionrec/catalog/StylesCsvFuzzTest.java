package io.fashionrec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random styles.csv files mixing valid rows with every quirk: the reader must never throw, must
 * read every valid row exactly (also after garbage), and must account for every other line with a
 * product or a problem at that line. Reproduce a failure with the seed in its message
 * ({@code -Dfashionrec.fuzz.seed=N} sets the first case's seed).
 */
class StylesCsvFuzzTest {

    private static final long SEED = Long.getLong("fashionrec.fuzz.seed", 20_250_611L);
    private static final int CASES = 300;
    private static final int MAX_ROWS = 160;

    @TempDir
    Path dir;

    @Test
    void validRowsAreNeverLostAndEveryOtherLineIsAccountedFor() throws IOException {
        ReaderFuzzing.run(dir.resolve("styles.csv"), new StylesCsvReader(), SEED, CASES, CsvCase::new);
    }


    private enum Kind { VALID, EXTRA_FIELDS, MISSING_FIELDS, NO_ID, DUPLICATE, GARBAGE, UNTERMINATED, BLANK, BAD_ENCODING }

    /** Rows that must become exactly the product the generator meant. */
    private static final Set<Kind> EXACT = Set.of(Kind.VALID, Kind.EXTRA_FIELDS, Kind.MISSING_FIELDS, Kind.BAD_ENCODING);

    /** A generated row and what reading it must give (id, name and attributes for exact rows). */
    private record Row(Kind kind, long firstLine, long lastLine, String id, String name, List<String> attributes) {
    }

    /** One generated file and its expectations. */
    private static final class CsvCase implements ReaderFuzzing.Case {

        private static final String[] WORDS = {"Blue", "Shirt", "Men", "Women", "Slim", "Fit", "Cotton", "Kurta", "Heels",
            "Café", "Größe", "日本", "5-Pocket", "Jeans"};
        private static final String[] VALUES = {"Men", "Women", "Apparel", "Topwear", "Shirts", "Navy Blue", "Fall", "2011",
            "Casual", "Ethnic", ""};
        private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

        private final Random random;
        private final FuzzFile file;
        private final List<Row> rows = new ArrayList<>();
        private final List<String> productIds = new ArrayList<>();
        private final KindMix<Kind> mix = new KindMix<>(Kind.class, new int[] {40, 8, 6, 4, 4, 15, 2, 10, 5},
                Map.of(Kind.NO_ID, 6, Kind.DUPLICATE, 6, Kind.UNTERMINATED, 3));
        private long quoteFreeThrough;
        private final byte[] bytes;

        CsvCase(Random random) {
            this.random = random;
            this.file = new FuzzFile(random);
            file.add(CatalogFixtures.KAGGLE_HEADER);
            int count = random.nextInt(MAX_ROWS + 1);
            for (int n = 0; n < count; n++) {
                rows.add(row(pick(), n));
            }
            bytes = file.build(1);
        }

        private Kind pick() {
            return mix.pick(random, kind -> !(kind == Kind.DUPLICATE && productIds.isEmpty()) && !(kind == Kind.UNTERMINATED && !quotesAllowed()));
        }

        /** A quote may be written only where it cannot close an earlier unterminated one. */
        private boolean quotesAllowed() {
            return file.nextLine() > quoteFreeThrough;
        }

        private Row row(Kind kind, int n) {
            long line = file.nextLine();
            List<String> attributes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attributes.add(VALUES[random.nextInt(VALUES.length)]);
            }
            switch (kind) {
                case VALID -> {
                    String id = "v" + n;
                    String name = words(1 + random.nextInt(5));
                    String renderedName = name;
                    if (quotesAllowed()) {
                        switch (random.nextInt(4)) {
                            case 0 -> name = name + ", \"" + words(1) + "\" edition";
                            case 1 -> name = words(2) + (random.nextBoolean() ? "\n\n" : "\n") + words(2) + ", " + words(1);
                            case 2 -> name = "5\" " + name;
                            default -> { }
                        }
                        renderedName = name.startsWith("5\"") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
                    }
                    String[] physical = (pad(id) + "," + attributeFields(attributes) + "," + renderedName).split("\n", -1);
                    for (String text : physical) {
                        file.add(text);
                    }
                    productIds.add(id);
                    return new Row(kind, line, line + physical.length - 1, id, name, attributes);
                }
                case EXTRA_FIELDS -> {
                    String id = "e" + n;
                    String name = words(1 + random.nextInt(3)) + "," + (random.nextBoolean() ? " " : "") + words(1 + random.nextInt(3))
                            + (random.nextBoolean() ? ",," + words(1) : "");
                    file.add(id + "," + String.join(",", attributes) + "," + name);
                    productIds.add(id);
                    return new Row(kind, line, line, id, name, attributes);
                }
                case MISSING_FIELDS -> {
                    String id = "m" + n;
                    int kept = random.nextInt(9);
                    List<String> present = attributes.subList(0, kept);
                    file.add(id + (kept == 0 ? "" : "," + String.join(",", present)));
                    List<String> expected = new ArrayList<>(present);
                    while (expected.size() < 8) {
                        expected.add("");
                    }
                    productIds.add(id);
                    return new Row(kind, line, line, id, "", expected);
                }
                case NO_ID -> {
                    String id = quotesAllowed() && random.nextBoolean() ? "\"\"" : " ".repeat(random.nextInt(3));
                    file.add(id + "," + String.join(",", attributes) + "," + words(2));
                    return new Row(kind, line, line, null, null, null);
                }
                case DUPLICATE -> {
                    String id = productIds.get(random.nextInt(productIds.size()));
                    file.add(pad(id) + "," + String.join(",", attributes) + ",Another " + words(2));
                    return new Row(kind, line, line, id, null, null);
                }
                case GARBAGE -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(("g" + n + "_").getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(FuzzFile.garbage(random, 80, quotesAllowed()));
                    file.add(out.toByteArray());
                    return new Row(kind, line, line, "g" + n + "_", null, null);
                }
                case UNTERMINATED -> {
                    file.add("u" + n + "," + String.join(",", attributes) + ",\"Broken " + words(2));
                    quoteFreeThrough = line + CsvRecordReader.MAX_LINES_PER_RECORD - 1;
                    return new Row(kind, line, line, "u" + n, null, null);
                }
                case BLANK -> {
                    file.add(random.nextBoolean() ? "" : " \t ".substring(random.nextInt(3)));
                    return new Row(kind, line, line, null, null, null);
                }
                case BAD_ENCODING -> {
                    String id = "w" + n;
                    byte bad = new byte[] {(byte) 0xE9, (byte) 0x93, (byte) 0x94, (byte) 0xA3, (byte) 0xFC}[random.nextInt(5)];
                    String before = "Plain " + random.nextInt(100);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes((id + "," + String.join(",", attributes) + "," + before).getBytes(StandardCharsets.US_ASCII));
                    out.write(bad);
                    out.writeBytes(" Shirt".getBytes(StandardCharsets.US_ASCII));
                    file.add(out.toByteArray());
                    productIds.add(id);
                    String name = before + new String(new byte[] {bad}, WINDOWS_1252) + " Shirt";
                    return new Row(kind, line, line, id, name, attributes);
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        /** Attribute fields with random layout: padding, or quoting when quotes are allowed. */
        private String attributeFields(List<String> attributes) {
            List<String> fields = new ArrayList<>();
            for (String value : attributes) {
                int style = random.nextInt(4);
                fields.add(style == 0 ? pad(value) : style == 1 && quotesAllowed() ? " \"" + value + "\" " : value);
            }
            return String.join(",", fields);
        }

        private String pad(String value) {
            return " ".repeat(random.nextInt(2)) + value + "\t".repeat(random.nextInt(2));
        }

        private String words(int count) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            return out.toString();
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
            List<Long> malformed = CatalogFixtures.lines(problems, ProblemKind.MALFORMED_RECORD);
            List<Long> missingIds = CatalogFixtures.lines(problems, ProblemKind.MISSING_ID);
            List<Long> duplicates = CatalogFixtures.lines(problems, ProblemKind.DUPLICATE_ID);
            for (ProblemKind kind : List.of(ProblemKind.MALFORMED_RECORD, ProblemKind.MISSING_ID, ProblemKind.DUPLICATE_ID)) {
                assertEquals(problems.count(kind), problems.examples(kind).size(), context + "the generator must keep " + kind
                        + " under the examples kept, or this check cannot see every one");
            }
            long uncertainFrom = Long.MAX_VALUE;
            Set<Long> starts = new HashSet<>();
            Map<Kind, List<Long>> linesByKind = new EnumMap<>(Kind.class);
            for (Row row : rows) {
                if (!file.whole(row.lastLine())) {
                    uncertainFrom = Math.min(uncertainFrom, row.firstLine());
                    continue;
                }
                String at = context + row.kind() + " row at line " + row.firstLine() + ": ";
                Product product = byLine.get(row.firstLine());
                linesByKind.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row.firstLine());
                if (row.kind() != Kind.BLANK) {
                    starts.add(row.firstLine());
                }
                if (EXACT.contains(row.kind())) {
                    assertNotNull(product, at + "no product");
                    assertEquals(row.id(), product.id(), at);
                    assertEquals(row.name().strip(), product.name(), at);
                    assertEquals(row.attributes().stream().map(String::strip).toList(), List.copyOf(product.attributes().values()), at);
                } else if (row.kind() == Kind.GARBAGE) {
                    assertNotNull(product, at + "garbage with a unique id must still be a product");
                    assertTrue(product.id().startsWith(row.id()), at + product.id());
                } else {
                    assertNull(product, at + "must not be a product");
                }
            }
            long firstUncertain = uncertainFrom;
            for (Product product : catalog.products()) {
                long line = product.origin().line();
                assertTrue(starts.contains(line) || line >= firstUncertain, () -> context + "a product from line " + line
                        + ", where no record starts: " + product);
            }
            assertEquals(List.of("gender", "masterCategory", "subCategory", "articleType", "baseColour", "season", "year", "usage"),
                    catalog.attributeNames(), context);
            if (file.truncated()) {
                assertCovered(malformed, linesByKind.get(Kind.UNTERMINATED), uncertainFrom, context + "malformed ");
                assertCovered(missingIds, linesByKind.get(Kind.NO_ID), uncertainFrom, context + "missing id ");
                assertCovered(duplicates, linesByKind.get(Kind.DUPLICATE), uncertainFrom, context + "duplicate ");
                return;
            }
            assertEquals(linesByKind.getOrDefault(Kind.UNTERMINATED, List.of()), malformed, context + "malformed lines");
            assertEquals(linesByKind.getOrDefault(Kind.NO_ID, List.of()), missingIds, context + "missing-id lines");
            assertEquals(linesByKind.getOrDefault(Kind.DUPLICATE, List.of()), duplicates, context + "duplicate lines");
            long products = rows.stream().filter(r -> EXACT.contains(r.kind()) || r.kind() == Kind.GARBAGE).count();
            assertEquals(products, catalog.size(), context + "products read");
        }

        /** Every expected line is reported, and every reported line is expected or past the cut. */
        private static void assertCovered(List<Long> reported, List<Long> expected, long uncertainFrom, String context) {
            List<Long> wanted = expected == null ? List.of() : expected;
            assertTrue(reported.containsAll(wanted), context + "lines " + wanted + " not all in " + reported);
            for (long line : reported) {
                if (!wanted.contains(line) && line < uncertainFrom) {
                    fail(context + "unexpected problem at line " + line);
                }
            }
        }
    }
}

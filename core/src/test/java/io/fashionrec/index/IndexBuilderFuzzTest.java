package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.Problem;
import io.fashionrec.catalog.ProblemKind;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.Modality;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.fashionrec.testing.MeanColourEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random catalogs whose photos are a mix of valid PNG and JPEG files and every way a photo can
 * be unusable (random bytes, a truncated file, zero bytes, no file, a header declaring an
 * enormous canvas), with garbage lines among the CSV rows. Building the index must never throw;
 * every product with a bad photo must be kept with its text, without image segments, and named
 * by an image problem of the right kind; every good photo must give image segments; every valid
 * row must be a product; and every product must be answerable by {@link Recommender#similar}.
 *
 * <p>Reproduce a failure with the seed in its message: {@code -Dfashionrec.fuzz.seed=N} sets
 * the seed of round 0, and round {@code r} uses {@code N + r}.
 */
class IndexBuilderFuzzTest {

    private static final long SEED = Long.getLong("fashionrec.fuzz.seed", 0x1DE8_B11DL);
    private static final int ROUNDS = 20;
    private static final int PRODUCTS = 30;
    private static final int K = 5;
    private static final String HEADER = "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName";
    private static final String[] WORDS = {"red", "navy", "cotton", "shirt", "slim", "denim", "jeans", "leather", "heels",
        "kurta", "printed", "striped", "sneakers", "casual", "formal", "linen"};
    private static final String[] COLOURS = {"Red", "Blue", "Navy Blue", "Green", "Black", "White"};
    private static final String[] TYPES = {"Tshirts", "Shirts", "Jeans", "Heels", "Casual Shoes"};
    private static final String[] EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"};

    @TempDir
    Path tmp;

    /** How a product's photo is made, and the problem an unusable one must be reported as. */
    private enum Photo {
        PNG(null), JPEG(null),
        RANDOM_BYTES(ProblemKind.IMAGE_UNREADABLE), TRUNCATED(ProblemKind.IMAGE_UNREADABLE), EMPTY(ProblemKind.IMAGE_EMPTY),
        MISSING(ProblemKind.IMAGE_MISSING), HUGE_DECLARED(ProblemKind.IMAGE_TOO_LARGE);

        final ProblemKind problem;

        Photo(ProblemKind problem) {
            this.problem = problem;
        }

        boolean good() {
            return problem == null;
        }

        /** Whether a file exists for the product, so that the builder (not the reader) meets it. */
        boolean hasFile() {
            return this != MISSING;
        }
    }

    /** A valid row as written, and what the index must hold for it. */
    private record Row(String id, String name, String colour, Photo photo) {
    }

    /** What the rounds generated, so that the test fails if the generator stops reaching a case. */
    private final Map<Photo, Integer> photosMade = new EnumMap<>(Photo.class);
    private int garbageProducts;
    private int unterminatedQuotes;

    @Test
    void badPhotosAndGarbageLinesNeverStopABuildAndNothingValidIsLost() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long seed = SEED + round;
            // Two rounds with the real encoder: its HOG and colour features meet odd image sizes too.
            ImageEncoder encoder = round % 10 == 3 ? new ClassicImageEncoder() : new MeanColourEncoder();
            runRound(seed, encoder, tmp.resolve("round" + round));
        }
        String seeds = "fuzz seeds " + SEED + " to " + (SEED + ROUNDS - 1) + ": ";
        assertEquals(Set.of(Photo.values()), photosMade.keySet(), seeds + "photo kinds generated " + photosMade);
        assertTrue(garbageProducts > 0, seeds + "no garbage line became a product");
        assertTrue(unterminatedQuotes > 0, seeds + "no line left a quote open");
    }

    private void runRound(long seed, ImageEncoder encoder, Path dir) throws Exception {
        String context = "fuzz seed " + seed + " (" + encoder.descriptor().name() + "): ";
        Random random = new Random(seed);
        GeneratedCatalog generated = new GeneratedCatalog(random, dir);

        ProblemReport problems = new ProblemReport();
        Catalog catalog;
        IndexBuilder.Result result;
        try {
            catalog = Catalogs.read(dir, problems);
            result = IndexBuilder.builder().setImageEncoder(encoder).optThreads(1 + random.nextInt(3)).build(catalog);
        } catch (RuntimeException e) {
            throw new AssertionError(context + "reading or building threw " + e, e);
        }
        ProductIndex index = result.index();
        assertEquals(catalog.size(), index.size(), context + "every product read must be indexed");
        for (ProblemKind kind : ProblemKind.values()) {
            assertEquals(problems.count(kind), problems.examples(kind).size(), context + "more " + kind
                    + " problems than the report keeps; the generator must stay under " + ProblemReport.EXAMPLES_KEPT);
        }
        Map<String, List<ProblemKind>> imageProblems = imageProblemsById(problems);

        int imageBits = bitsOf(index.vectors().layout(), Modality.IMAGE);
        int goodPhotos = 0;
        int failedFiles = 0;
        unterminatedQuotes += problems.count(ProblemKind.MALFORMED_RECORD);
        for (Row row : generated.rows) {
            photosMade.merge(row.photo(), 1, Integer::sum);
            String at = context + "product " + row.id() + " with photo " + row.photo() + ": ";
            int ordinal = index.products().ordinal(row.id());
            assertTrue(ordinal >= 0, at + "a valid row is not in the index");
            assertEquals(row.name(), index.products().name(ordinal), at + "name");
            assertEquals(row.colour(), index.products().attribute(ordinal, "baseColour"), at + "baseColour");
            int mask = index.vectors().mask(ordinal);
            assertTrue((mask & 1) != 0, at + "its text segment is missing");
            if (row.photo().good()) {
                goodPhotos++;
                assertEquals(imageBits, mask & imageBits, at + "a good photo must give every image segment");
                assertFalse(imageProblems.containsKey(row.id()), at + "an image problem was reported: " + imageProblems.get(row.id()));
                assertImageRows(index, ordinal, 1.0, at);
            } else {
                failedFiles += row.photo().hasFile() ? 1 : 0;
                assertEquals(0, mask & imageBits, at + "an unusable photo must give no image segment");
                assertEquals(List.of(row.photo().problem), imageProblems.get(row.id()), at + "image problems reported");
                assertImageRows(index, ordinal, 0.0, at);
            }
        }
        assertEquals(goodPhotos, result.imagesEmbedded(), context + "photos embedded");
        assertEquals(failedFiles, result.imagesFailed(), context + "photo files that failed");

        Set<String> validIds = generated.ids();
        for (Product product : catalog.products()) {
            if (!validIds.contains(product.id())) {
                garbageProducts++;
                long line = product.origin().line();
                assertTrue(generated.garbageLines.contains(line), context + "product " + product.id() + " from line " + line
                        + ", which is neither a valid row nor a garbage line");
            }
        }
        assertEveryProductHasNeighbours(index, context);
    }

    /** The image problems (any of the four image kinds) reported per product id. */
    private static Map<String, List<ProblemKind>> imageProblemsById(ProblemReport problems) {
        Map<String, List<ProblemKind>> out = new LinkedHashMap<>();
        for (ProblemKind kind : List.of(ProblemKind.IMAGE_UNREADABLE, ProblemKind.IMAGE_EMPTY, ProblemKind.IMAGE_MISSING,
                ProblemKind.IMAGE_TOO_LARGE)) {
            for (Problem p : problems.examples(kind)) {
                if (p.productId() != null) {
                    out.computeIfAbsent(p.productId(), id -> new ArrayList<>()).add(kind);
                }
            }
        }
        return out;
    }

    /** The mask bits of the layout's segments of one modality. */
    private static int bitsOf(FusionLayout layout, Modality modality) {
        int bits = 0;
        for (int s = 0; s < layout.size(); s++) {
            if (layout.get(s).modality() == modality) {
                bits |= 1 << s;
            }
        }
        return bits;
    }

    /** Every image segment row of the product has the given L2 norm (1 when present, 0 when absent). */
    private static void assertImageRows(ProductIndex index, int ordinal, double norm, String at) {
        FusionLayout layout = index.vectors().layout();
        for (int s = 1; s < layout.size(); s++) {
            if (layout.get(s).modality() != Modality.IMAGE) {
                continue;
            }
            double sum = 0;
            for (float v : index.vectors().dense(s).row(ordinal)) {
                sum += (double) v * v;
            }
            assertEquals(norm, Math.sqrt(sum), 1e-5, at + "norm of segment " + layout.get(s).key());
        }
    }

    private static void assertEveryProductHasNeighbours(ProductIndex index, String context) {
        Recommender recommender = new Recommender(index);
        int n = index.size();
        for (int i = 0; i < n; i++) {
            String id = index.products().id(i);
            String at = context + "similar(" + id + "): ";
            List<Recommendation> results;
            try {
                results = recommender.similar(id, SearchOptions.top(K));
            } catch (RuntimeException e) {
                throw new AssertionError(at + "threw " + e, e);
            }
            assertEquals(Math.min(K, n - 1), results.size(), at + "result count");
            Set<Integer> seen = new HashSet<>();
            double previous = Double.POSITIVE_INFINITY;
            for (Recommendation r : results) {
                assertNotEquals(i, r.ordinal(), at + "returned the query itself");
                assertTrue(seen.add(r.ordinal()), at + "returned " + r.id() + " twice");
                assertTrue(Double.isFinite(r.score()) && r.score() <= previous, at + "scores not finite and non-increasing: " + results);
                previous = r.score();
            }
        }
    }

    /**
     * One random catalog directory: {@value #PRODUCTS} valid rows with their photos, and garbage
     * lines between them. The valid ids are {@code p<number>}, and garbage never contains the
     * letter p, so a garbage line cannot claim a valid row's id first (which would rightly skip
     * the row as a duplicate) nor find a valid row's photo.
     */
    private static final class GeneratedCatalog {

        private static final int MAX_GARBAGE_LINES = 6;

        private final Random random;
        private final Path images;
        final List<Row> rows = new ArrayList<>();
        final Set<Long> garbageLines = new HashSet<>();
        /**
         * Becomes false once a line opens a quote it never closes: a later quote would close it
         * and join the lines between into one record, swallowing valid rows.
         */
        private boolean quotesAllowed = true;

        GeneratedCatalog(Random random, Path dir) throws IOException {
            this.random = random;
            this.images = Files.createDirectories(dir.resolve("images"));
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
            long line = 1;
            int garbage = random.nextInt(MAX_GARBAGE_LINES + 1);
            int total = PRODUCTS + garbage;
            for (int written = 0, products = 0; written < total; written++) {
                csv.write('\n');
                line++;
                boolean isGarbage = random.nextInt(total - written) < total - PRODUCTS - (written - products);
                if (isGarbage) {
                    csv.writeBytes(garbageLine());
                    garbageLines.add(line);
                } else {
                    csv.writeBytes(validRow(products++).getBytes(StandardCharsets.UTF_8));
                }
            }
            if (random.nextBoolean()) {
                csv.write('\n');
            }
            Files.write(dir.resolve("styles.csv"), csv.toByteArray());
        }

        Set<String> ids() {
            Set<String> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.id()));
            return ids;
        }

        private String validRow(int n) throws IOException {
            String id = "p" + (100 + n);
            StringBuilder name = new StringBuilder();
            for (int w = 1 + random.nextInt(4); w > 0; w--) {
                name.append(name.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            String colour = COLOURS[random.nextInt(COLOURS.length)];
            String renderedName = name.toString();
            if (quotesAllowed && random.nextInt(3) == 0) {
                name.append(", ").append(WORDS[random.nextInt(WORDS.length)]);
                renderedName = "\"" + name + "\"";
            }
            Photo photo = random.nextBoolean() ? (random.nextBoolean() ? Photo.PNG : Photo.JPEG)
                    : Photo.values()[2 + random.nextInt(Photo.values().length - 2)];
            writePhoto(id, photo);
            rows.add(new Row(id, name.toString(), colour, photo));
            String padding = " ".repeat(random.nextInt(2));
            return String.join(",", padding + id, random.nextBoolean() ? "Men" : "Women", "Apparel", "Topwear",
                    TYPES[random.nextInt(TYPES.length)], colour + padding, "Summer", "2012", "Casual", renderedName);
        }

        private void writePhoto(String id, Photo photo) throws IOException {
            if (photo == Photo.MISSING) {
                return;
            }
            // The decoder recognises formats by content, so the extension is chosen at random.
            Path file = images.resolve(id + EXTENSIONS[random.nextInt(EXTENSIONS.length)]);
            byte[] bytes = switch (photo) {
                case PNG -> Photos.encode(Photos.product(random), "png");
                case JPEG -> Photos.encode(Photos.product(random), "jpg");
                case RANDOM_BYTES -> Photos.noise(random, 1 + random.nextInt(3000));
                case TRUNCATED -> Photos.truncated(random);
                case EMPTY -> new byte[0];
                case HUGE_DECLARED -> random.nextBoolean() ? Photos.hugePng(random) : Photos.hugeJpeg(random);
                case MISSING -> throw new IllegalStateException("no file for a missing photo");
            };
            Files.write(file, bytes);
        }

        private byte[] garbageLine() {
            int kind = random.nextInt(quotesAllowed ? 5 : 3);
            return switch (kind) {
                case 0 -> garbageBytes(1 + random.nextInt(120));
                case 1 -> (" ".repeat(random.nextInt(3)) + ",".repeat(random.nextInt(25))).getBytes(StandardCharsets.UTF_8);
                case 2 -> (random.nextBoolean() ? "" : " \t ".substring(random.nextInt(3))).getBytes(StandardCharsets.UTF_8);
                case 3 -> balancedQuotes();
                default -> {
                    quotesAllowed = false;
                    yield ("\"never closed, " + new String(garbageText(30), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                }
            };
        }

        /** Random bytes with no line end, no quote and no letter p (see the class comment). */
        private byte[] garbageBytes(int length) {
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                int b;
                do {
                    b = random.nextInt(4) == 0 ? ',' : random.nextInt(256);
                } while (b == '\n' || b == '\r' || b == '"' || b == 'p');
                out[i] = (byte) b;
            }
            return out;
        }

        /** Printable garbage, same exclusions as {@link #garbageBytes}. */
        private byte[] garbageText(int maxLength) {
            byte[] out = garbageBytes(random.nextInt(maxLength + 1));
            for (int i = 0; i < out.length; i++) {
                if (out[i] != ',' && (out[i] < 0x20 || out[i] > 0x7E)) {
                    out[i] = 'x';
                }
            }
            return out;
        }

        /** Quoted fields with doubled quotes and commas inside, every quote closed on the line. */
        private byte[] balancedQuotes() {
            List<String> fields = new ArrayList<>();
            for (int f = random.nextInt(14); f >= 0; f--) {
                String text = new String(garbageText(12), StandardCharsets.ISO_8859_1);
                // A quote opens a field only at its start: right after an x it is data.
                fields.add(random.nextBoolean() ? "\"" + text + "\"\"," + text + "\"" : text + "x\"" + text);
            }
            return String.join(",", fields).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Small photos made with Java2D, and the damaged files made from them. */
    private static final class Photos {

        private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        /** The first bytes of the formats the decoder recognises: random bytes must not start a real header. */
        private static final Set<Integer> SIGNATURE_STARTS = Set.of(0xFF, 0x89, (int) 'G', (int) 'B', (int) 'R');

        /**
         * A product on a white background: a coloured shape well inside the border, with some
         * pixel noise so that the compressed data is most of the file.
         */
        static BufferedImage product(Random random) {
            int w = 16 + random.nextInt(80);
            int h = 16 + random.nextInt(80);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            Color colour = new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200));
            g.setColor(colour);
            int x = w / 6 + random.nextInt(w / 6);
            int y = h / 6 + random.nextInt(h / 6);
            if (random.nextBoolean()) {
                g.fillRect(x, y, w / 2, h / 2);
            } else {
                g.fillOval(x, y, w / 2, h / 2);
            }
            g.dispose();
            for (int i = w * h / 8; i > 0; i--) {
                int px = random.nextInt(w);
                int py = random.nextInt(h);
                image.setRGB(px, py, image.getRGB(px, py) ^ random.nextInt(0x1F1F1F));
            }
            return image;
        }

        static byte[] encode(BufferedImage image, String format) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(image, format, out)) {
                    throw new IllegalStateException("no ImageIO writer for " + format);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        static byte[] noise(Random random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            while (SIGNATURE_STARTS.contains(bytes[0] & 0xFF)) {
                bytes[0] = (byte) random.nextInt(256);
            }
            return bytes;
        }

        /**
         * A valid PNG or JPEG cut to at most half its length. For a JPEG any cut loses the
         * end-of-image marker; for these PNGs half the file ends inside the compressed pixels.
         */
        static byte[] truncated(Random random) {
            byte[] whole = encode(product(random), random.nextBoolean() ? "png" : "jpg");
            return Arrays.copyOf(whole, 1 + random.nextInt(whole.length / 2));
        }

        /** A PNG whose header declares a canvas of billions of pixels, followed by a little data. */
        static byte[] hugePng(Random random) {
            ByteBuffer ihdr = ByteBuffer.allocate(13);
            ihdr.putInt(50_000 + random.nextInt(50_000)).putInt(50_000 + random.nextInt(50_000));
            ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(PNG_SIGNATURE);
            out.writeBytes(chunk("IHDR", ihdr.array()));
            out.writeBytes(chunk("IDAT", noise(random, 64)));
            out.writeBytes(chunk("IEND", new byte[0]));
            return out.toByteArray();
        }

        /** A valid JPEG whose frame header is rewritten to declare 65535 x 65535 pixels. */
        static byte[] hugeJpeg(Random random) {
            byte[] bytes = encode(product(random), "jpg");
            // Walk the marker segments after SOI: each is FF, a marker, and a 2-byte length that counts itself.
            for (int i = 2; i + 9 <= bytes.length && (bytes[i] & 0xFF) == 0xFF; i += 2 + ((bytes[i + 2] & 0xFF) << 8 | bytes[i + 3] & 0xFF)) {
                if ((bytes[i + 1] & 0xFF) == 0xC0) {
                    // SOF0 after its length: precision (1 byte), height (2), width (2)
                    Arrays.fill(bytes, i + 5, i + 9, (byte) 0xFF);
                    return bytes;
                }
            }
            throw new IllegalStateException("the JDK's JPEG writer wrote no baseline frame header before the image data");
        }

        private static byte[] chunk(String type, byte[] data) {
            byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            ByteBuffer out = ByteBuffer.allocate(12 + data.length);
            out.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
            return out.array();
        }
    }
}

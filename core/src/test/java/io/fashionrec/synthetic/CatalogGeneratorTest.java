package io.fashionrec.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates one demo-sized catalog and checks its files: the CSV, the taxonomy, the images. */
class CatalogGeneratorTest {

    private static final long SEED = 20240607L;
    private static final int PRODUCTS = 600;

    @TempDir
    static Path dir;

    /**
     * Pixels whose darkest channel is at least this are background: white, JPEG ringing, or the
     * faint shadow (never darker than 255 - SHADOW_STRENGTH).
     */
    private static final int BACKGROUND_FLOOR = 255 - Backdrop.SHADOW_STRENGTH - 3;

    private static List<String[]> rows;
    private static List<ProductPlan> plans;

    @BeforeAll
    static void generate() throws IOException {
        CatalogGenerator generator = CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(SEED).build();
        generator.generate(dir);
        plans = generator.plan();
        List<String> lines = Files.readAllLines(dir.resolve("styles.csv"), StandardCharsets.UTF_8);
        assertEquals(StylesCsv.HEADER, lines.get(0));
        rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
    }

    @Test
    void stylesCsvHasTheKaggleHeaderAndTenFieldsInEveryRow() throws IOException {
        assertEquals("id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName",
                Files.readAllLines(dir.resolve("styles.csv")).get(0));
        assertEquals(PRODUCTS, rows.size());
        for (String[] row : rows) {
            assertEquals(10, row.length, () -> "row " + String.join(",", row) + " (seed " + SEED + ")");
            for (String field : row) {
                assertTrue(!field.isBlank() && !field.contains("\""), () -> "bad field in " + String.join(",", row));
            }
        }
    }

    @Test
    void idsAreUniqueAndEachHasItsImage() {
        Set<String> ids = new HashSet<>();
        for (String[] row : rows) {
            assertTrue(ids.add(row[0]), "duplicate id " + row[0]);
            assertTrue(Files.isRegularFile(dir.resolve("images").resolve(row[0] + ".jpg")), "no image for id " + row[0]);
        }
    }

    @Test
    void everyArticleTypeIsPresentAndThereAreAtLeastTwelve() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String[] row : rows) {
            counts.merge(row[4], 1, Integer::sum);
        }
        assertTrue(counts.size() >= 12, "article types: " + counts);
        for (ArticleType type : ArticleType.values()) {
            assertTrue(counts.getOrDefault(type.label(), 0) > 0, type.label() + " missing from " + counts);
        }
    }

    @Test
    void taxonomyFollowsTheKaggleCatalog() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("Shirts", "Apparel/Topwear"), Map.entry("Tshirts", "Apparel/Topwear"),
                Map.entry("Sweatshirts", "Apparel/Topwear"), Map.entry("Dresses", "Apparel/Dress"),
                Map.entry("Jeans", "Apparel/Bottomwear"), Map.entry("Shorts", "Apparel/Bottomwear"),
                Map.entry("Skirts", "Apparel/Bottomwear"), Map.entry("Casual Shoes", "Footwear/Shoes"),
                Map.entry("Heels", "Footwear/Shoes"), Map.entry("Flip Flops", "Footwear/Flip Flops"),
                Map.entry("Handbags", "Accessories/Bags"), Map.entry("Backpacks", "Accessories/Bags"),
                Map.entry("Watches", "Accessories/Watches"), Map.entry("Caps", "Accessories/Headwear"),
                Map.entry("Sunglasses", "Accessories/Eyewear"), Map.entry("Belts", "Accessories/Belts"));
        for (String[] row : rows) {
            assertEquals(expected.get(row[4]), row[2] + "/" + row[3], "taxonomy of " + String.join(",", row));
        }
    }

    @Test
    void attributesArePlausible() {
        Set<String> womenOnly = Set.of("Heels", "Dresses", "Skirts", "Handbags");
        for (String[] row : rows) {
            String where = String.join(",", row) + " (seed " + SEED + ")";
            assertTrue(Set.of("Men", "Women", "Unisex").contains(row[1]), where);
            if (womenOnly.contains(row[4])) {
                assertEquals("Women", row[1], where);
            }
            NamedColour.byLabel(row[5]);
            assertTrue(Set.of("Summer", "Fall", "Winter", "Spring").contains(row[6]), where);
            int year = Integer.parseInt(row[7]);
            assertTrue(year >= 2010 && year <= 2019, where);
            assertTrue(Set.of("Casual", "Sports", "Formal", "Party", "Travel").contains(row[8]), where);
            assertTrue(row[9].endsWith(" " + row[4]), "name does not end with the article type: " + where);
            assertTrue(row[9].contains(" " + row[1] + " "), "name does not name the gender: " + where);
        }
    }

    @Test
    void everyImageIsTheRequestedSizeAndNotBlank() throws IOException {
        for (String[] row : rows) {
            BufferedImage image = ImageIO.read(dir.resolve("images").resolve(row[0] + ".jpg").toFile());
            assertEquals(224, image.getWidth(), "width of image " + row[0]);
            assertEquals(224, image.getHeight(), "height of image " + row[0]);
            // Anything but pure white (give or take JPEG noise) counts here: a white shoe is not blank.
            double covered = foreground(image, 250).size() / (224.0 * 224.0);
            assertTrue(covered > 0.1 && covered < 0.9,
                    "image " + row[0] + " (" + row[4] + ") has " + covered + " of its pixels not white");
        }
    }

    /**
     * The mean colour of a solid product's non-white pixels is nearer to its named baseColour than
     * to most other names (ranked by RGB distance among all {@link NamedColour}s, at most 10 of the
     * other 22 are nearer). Trims, soles, dials and shading pull the mean a little, so the stronger
     * claims are for the catalog as a whole: the name is among the nearest three for 80% of
     * products and the nearest outright for more than half.
     */
    @Test
    void solidProductsLookLikeTheirBaseColour() throws IOException {
        int solid = 0;
        int nearest = 0;
        int nearestThree = 0;
        List<String> failures = new ArrayList<>();
        for (ProductPlan plan : plans) {
            if (plan.pattern() != FabricPattern.SOLID) {
                continue;
            }
            solid++;
            BufferedImage image = ImageIO.read(dir.resolve("images").resolve(plan.id() + ".jpg").toFile());
            Color mean = mean(foreground(image, BACKGROUND_FLOOR));
            List<NamedColour> byDistance = new ArrayList<>(List.of(NamedColour.values()));
            byDistance.sort(Comparator.comparingDouble(c -> c.distanceTo(mean)));
            int rank = byDistance.indexOf(plan.colour());
            nearest += rank == 0 ? 1 : 0;
            nearestThree += rank <= 2 ? 1 : 0;
            if (rank > 10) {
                failures.add(plan.id() + " " + plan.type().label() + " " + plan.colour().label() + " mean " + mean
                        + " nearest " + byDistance.subList(0, 3));
            }
        }
        assertTrue(solid > 200, "only " + solid + " solid products");
        assertTrue(failures.isEmpty(), "seed " + SEED + ": " + failures.size() + " of " + solid + " solid products far from"
                + " their colour, e.g. " + failures.subList(0, Math.min(8, failures.size())));
        assertTrue(nearestThree >= solid * 0.8, "seed " + SEED + ": only " + nearestThree + " of " + solid
                + " have their colour among the nearest three");
        assertTrue(nearest > solid * 0.55, "seed " + SEED + ": only " + nearest + " of " + solid + " nearest their colour");
    }

    /** The pixels whose darkest channel is below {@code floor}, as RGB ints. */
    private static List<Integer> foreground(BufferedImage image, int floor) {
        List<Integer> pixels = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int darkest = Math.min(Math.min((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF), rgb & 0xFF);
                if (darkest < floor) {
                    pixels.add(rgb);
                }
            }
        }
        return pixels;
    }

    private static Color mean(List<Integer> pixels) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int p : pixels) {
            r += (p >> 16) & 0xFF;
            g += (p >> 8) & 0xFF;
            b += p & 0xFF;
        }
        int n = Math.max(1, pixels.size());
        return new Color((int) (r / n), (int) (g / n), (int) (b / n));
    }
}

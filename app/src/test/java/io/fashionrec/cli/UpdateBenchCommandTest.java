package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.catalog.SourceLocation;
import io.fashionrec.synthetic.CatalogGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench update} on a small synthetic catalog: two real {@code fashionrec index} children,
 * the edit they see checked against the edit the command reports, and the input left as it was.
 */
class UpdateBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theUpdateSeesExactlyTheEditTheCommandMadeAndTheInputCatalogIsUntouched() throws Exception {
        Path catalog = tmp.resolve("catalog");
        CatalogGenerator.builder().optProducts(60).optSeed(5).optImageSize(48, 48).build().generate(catalog);
        Map<String, byte[]> before = contents(catalog);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "update", "--catalog", catalog.toString(), "--share", "0.1", "--seed", "3", "--json"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        JsonNode doc = Json.MAPPER.readTree(out.toString());
        assertEquals("update", doc.path("benchmark").asText());
        assertEquals(60, doc.path("products").asInt());
        JsonNode made = doc.path("changed");
        assertEquals(2, made.path("removed").asInt(), doc.toString()); // 10% of 60 in thirds
        assertEquals(2, made.path("changed").asInt(), doc.toString());
        assertEquals(2, made.path("added").asInt(), doc.toString());

        JsonNode seen = doc.path("update").path("changes");
        assertEquals(made.path("added").asInt(), seen.path("added").asInt(), doc.toString());
        assertEquals(made.path("changed").asInt(), seen.path("changed").asInt(), doc.toString());
        assertEquals(made.path("removed").asInt(), seen.path("removed").asInt(), doc.toString());
        assertEquals(60 - 2 - 2, seen.path("unchanged").asInt(), "a rewritten row that reads the same is no change: " + doc);
        assertEquals(made.path("added").asInt() + made.path("newPhoto").asInt(), doc.path("update").path("imagesEmbedded").asInt(),
                "every new photo, and only those, is embedded: " + doc);
        assertEquals(60, doc.path("full").path("imagesEmbedded").asInt(), doc.toString());
        assertTrue(doc.path("ratio").asDouble() > 0, doc.toString());
        assertTrue(doc.path("full").path("wallSeconds").asDouble() >= doc.path("full").path("indexSeconds").asDouble(), doc.toString());

        assertUntouched(before, catalog);
    }

    @Test
    void aJsonLinesCatalogWithTextIdsIsEditedTheSameWayAndKeptWhenAsked() throws Exception {
        Path generated = tmp.resolve("generated");
        CatalogGenerator.builder().optProducts(30).optSeed(8).optImageSize(48, 48).build().generate(generated);
        Path catalog = Files.createDirectories(tmp.resolve("jsonl"));
        List<Product> products = new ArrayList<>();
        for (Product p : Catalogs.read(generated, new ProblemReport()).products()) {
            Path photo = Files.copy(p.image(), Files.createDirectories(catalog.resolve("photos")).resolve("p" + p.id() + ".jpg"));
            products.add(new Product("sku-" + p.id(), p.name(), p.description(), photo, p.attributes(), p.origin()));
        }
        CatalogWriter.writeJsonLines(catalog.resolve("products.jsonl"), products);
        Map<String, byte[]> before = contents(catalog);
        Path keep = tmp.resolve("kept");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "update", "--catalog", catalog.toString(), "--share", "0.2", "--keep", keep.toString(),
            "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        JsonNode doc = Json.MAPPER.readTree(out.toString());
        JsonNode made = doc.path("changed");
        JsonNode seen = doc.path("update").path("changes");
        assertEquals(List.of(2, 2, 2), List.of(made.path("added").asInt(), made.path("changed").asInt(), made.path("removed").asInt()),
                doc.toString()); // 20% of 30 in thirds
        assertEquals(List.of(2, 2, 2), List.of(seen.path("added").asInt(), seen.path("changed").asInt(), seen.path("removed").asInt()),
                doc.toString());
        assertEquals(made.path("added").asInt() + made.path("newPhoto").asInt(), doc.path("update").path("imagesEmbedded").asInt(),
                doc.toString());
        List<String> ids = Catalogs.read(keep.resolve("catalog"), new ProblemReport()).products().stream().map(Product::id).toList();
        assertEquals(2, ids.stream().filter(id -> id.endsWith("-new")).count(), "added products of text ids: " + ids);
        assertTrue(Files.isDirectory(keep.resolve("updated")) && Files.isDirectory(keep.resolve("full")), "--keep keeps both indexes");
        assertUntouched(before, catalog);
    }

    @Test
    void aShareAboveOneHalfIsABadOption() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "update", "--catalog", tmp.toString(), "--share", "0.6"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--share must be in (0, 0.5], got 0.6"), err.toString());
    }

    @Test
    void fieldsThatNeedQuotingAreWrittenSoTheReaderReadsThemBack() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("quoted"));
        Product tricky = new Product("7", "Shirt, \"Slim\"\nFit", " padded ", null, Map.of("season", "Fall, Winter"),
                new SourceLocation(dir.resolve("styles.csv"), 2));
        CatalogWriter.writeCsv(dir.resolve("styles.csv"), List.of(tricky), List.of("season"));
        assertEquals("id,season,productDisplayName,description\r\n7,\"Fall, Winter\",\"Shirt, \"\"Slim\"\"\nFit\",\" padded \"\r\n",
                Files.readString(dir.resolve("styles.csv")));
        Catalog read = Catalogs.read(dir, new ProblemReport());
        assertEquals("Shirt, \"Slim\"\nFit", read.products().get(0).name());
        assertEquals("Fall, Winter", read.products().get(0).attribute("season"));
    }

    private static void assertUntouched(Map<String, byte[]> before, Path catalog) throws Exception {
        Map<String, byte[]> after = contents(catalog);
        assertEquals(before.keySet(), after.keySet(), "no file of the input catalog was added or removed");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was changed");
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}

package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.index.store.IndexFormatException;
import io.fashionrec.progress.Progress;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.Rows;
import io.fashionrec.testing.TinyCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductIndexFormatTest {

    @TempDir
    Path tmp;

    static ProductIndex build(Path catalogDir) throws IOException, InterruptedException {
        return IndexBuilder.builder().setImageEncoder(new MeanColourEncoder()).optThreads(2)
                .build(Catalogs.read(catalogDir, new ProblemReport())).index();
    }

    @Test
    void aWrittenIndexReadsBackWithIdenticalProductsVectorsModelsAndAnswers() throws Exception {
        ProductIndex built = build(TinyCatalog.write(tmp.resolve("catalog")));
        Path dir = tmp.resolve("index");
        ProductIndexFormat.write(built, dir, Progress.NONE);
        ProductIndex read = ProductIndexFormat.read(dir);

        assertEquals(built.size(), read.size());
        assertEquals(built.products().attributeNames(), read.products().attributeNames());
        for (int i = 0; i < built.size(); i++) {
            assertEquals(built.products().id(i), read.products().id(i));
            assertEquals(i, read.products().ordinal(read.products().id(i)), "the id table of the mapped ids");
            assertEquals(built.products().name(i), read.products().name(i));
            assertEquals(built.products().image(i), read.products().image(i));
            assertEquals(built.products().attribute(i, "baseColour"), read.products().attribute(i, "baseColour"));
            assertEquals(built.vectors().mask(i), read.vectors().mask(i), "presence of product " + i);
            assertEquals(built.vectors().text(i), read.vectors().text(i));
        }
        for (int s = 1; s < built.vectors().layout().size(); s++) {
            assertArrayEquals(Rows.values(built.vectors().dense(s)), Rows.values(read.vectors().dense(s)), "segment " + s);
        }
        assertEquals(-1, read.products().ordinal("no such id"));
        assertEquals(built.imageEncoder(), read.imageEncoder());
        assertEquals(built.textModel().descriptor(), read.textModel().descriptor());
        assertEquals(built.textModel().transform("red shoes"), read.textModel().transform("red shoes"));
        assertNotNull(read.alignment());
        assertArrayEquals(built.alignment().map(0).data(), read.alignment().map(0).data());
        assertEquals(built.defaultWeights(), read.defaultWeights());
        assertEquals(built.defaultKernel(), read.defaultKernel());
        assertEquals(new Recommender(built).similar("3", SearchOptions.top(4)), new Recommender(read).similar("3", SearchOptions.top(4)));
        assertEquals(new Recommender(built).searchText("blue shoes", SearchOptions.top(3)),
                new Recommender(read).searchText("blue shoes", SearchOptions.top(3)));
    }

    @Test
    void aMissingIndexFailsWithOneSentence() {
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> ProductIndexFormat.read(tmp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("no fashionrec index at"), e.getMessage());
        assertTrue(e.getMessage().contains("fashionrec index --catalog"), e.getMessage());
    }

    @Test
    void anotherLayoutVersionIsRefusedWithWhatToDo() throws Exception {
        Path dir = tmp.resolve("index");
        ProductIndexFormat.write(build(TinyCatalog.write(tmp.resolve("catalog"))), dir, Progress.NONE);
        rewriteContent(dir, c -> c.put("layoutVersion", 4));
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> ProductIndexFormat.read(dir));
        assertEquals(dir + " holds a product index of layout version 4; this fashionrec reads versions 1 to 3: rebuild it with `fashionrec index`",
                e.getMessage());
        rewriteContent(dir, c -> c.put("layoutVersion", 0));
        assertThrows(IndexFormatException.class, () -> ProductIndexFormat.readProducts(dir));
    }

    @Test
    void contentThatDoesNotFitThePartsIsReportedAsDamage() throws Exception {
        Path dir = tmp.resolve("index");
        ProductIndexFormat.write(build(TinyCatalog.write(tmp.resolve("catalog"))), dir, Progress.NONE);
        rewriteContent(dir, c -> c.put("products", 99));
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> ProductIndexFormat.read(dir));
        assertTrue(e.getMessage().startsWith("the index at " + dir + " is damaged: it lists 99 products but holds 10"), e.getMessage());
    }

    /** Edits the content document of the committed manifest in place (the parts stay valid). */
    private static void rewriteContent(Path dir, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path manifest = dir.resolve("manifest.json");
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        edit.accept((ObjectNode) root.get("content"));
        Files.writeString(manifest, json.writeValueAsString(root));
    }
}

package io.fashionrec.cli;

import static io.fashionrec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.vectors.NpyFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index --image-vectors}: an index from a names file and a .npy of vectors, no photos. */
class ImageVectorsIndexCommandTest {

    @TempDir
    Path tmp;



    @Test
    void generatedVectorsAndNamesMakeAnIndexWithoutPhotos() throws Exception {
        Path set = tmp.resolve("set");
        assertEquals(0, run("generate", "--vectors-only", "--products", "300", "--dimension", "24", "--queries", "2", "--out", set.toString()).exit());
        Path index = tmp.resolve("index");
        // the generated directory is a catalog in the Kaggle layout, without photos
        CliRun r = run("index", "--catalog", set.toString(), "--image-vectors", set.resolve("vectors.npy").toString(),
                "--index", index.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(300, doc.path("products").asInt());
        assertEquals("precomputed", doc.path("imageEncoder").path("name").asText());
        assertEquals(24, doc.path("imageEncoder").path("dimension").asInt());
        assertFalse(doc.path("problems").has("image-missing"), "a catalog without photos is expected here: " + r.out());
        assertFalse(r.err().contains("image-missing"), r.err());

        ProductIndex read = ProductIndexFormat.read(index);
        FloatMatrix vectors = NpyFile.readFloat32(set.resolve("vectors.npy"));
        assertEquals(300, read.size());
        assertNull(read.alignment());
        assertEquals(List.of("gender", "masterCategory", "subCategory", "articleType", "baseColour"), read.products().attributeNames());
        for (int i = 0; i < 300; i += 37) {
            assertArrayEquals(vectors.row(i), read.vectors().dense(1).row(i), 1e-6f, "row " + i + " (already unit length)");
            assertEquals(0b11, read.vectors().mask(i), "product " + i + " has a name and an image vector");
            assertTrue(read.products().name(i).endsWith(" " + read.products().attribute(i, "articleType")), read.products().name(i));
        }
    }

    @Test
    void vectorsNotOnePerProductAreABadOptionNamingBothCounts() {
        Path set = tmp.resolve("set");
        Path other = tmp.resolve("other");
        assertEquals(0, run("generate", "--vectors-only", "--products", "40", "--dimension", "8", "--queries", "1", "--out", set.toString()).exit());
        assertEquals(0, run("generate", "--vectors-only", "--products", "41", "--dimension", "8", "--queries", "1", "--out", other.toString()).exit());
        CliRun r = run("index", "--catalog", set.toString(), "--image-vectors", other.resolve("vectors.npy").toString(),
                "--index", tmp.resolve("index").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("41 vectors") && r.err().contains("40 products"), r.err());
    }
}

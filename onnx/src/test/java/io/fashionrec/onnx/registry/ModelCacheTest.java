package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import static io.fashionrec.onnx.registry.TestModels.randomBytes;
import static io.fashionrec.onnx.registry.TestModels.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {

    private static final byte[] MODEL = randomBytes(11, 4096);

    @TempDir
    Path dir;

    private ModelCache cache;
    private Path entryDir;

    @BeforeEach
    void storeOneModel() throws IOException {
        cache = new ModelCache(dir, new KnownModels(List.of()));
        Path source = dir.resolve("source.onnx");
        Files.write(source, MODEL);
        try (CacheTransaction transaction = cache.begin("m")) {
            transaction.commit(source, TestModels.PREPARER, Arch.VGG16, Preset.TORCH, source.toString(), sha256(MODEL));
        }
        entryDir = dir.resolve("m");
    }

    @Test
    void theDefaultDirectoryFollowsXdg() {
        assertEquals(Path.of("/x/cache/fashionrec/models"), ModelCache.defaultDirectory("/x/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/fashionrec/models"), ModelCache.defaultDirectory(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/fashionrec/models"), ModelCache.defaultDirectory("", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/fashionrec/models"), ModelCache.defaultDirectory("relative/cache", "/home/u"),
                "the XDG specification says to ignore a relative path");
    }

    @Test
    void theEntryFileIsVersionedJson() throws IOException {
        String json = Files.readString(entryDir.resolve(ModelCache.ENTRY_FILE));
        CacheEntry entry = cache.find("m").orElseThrow();

        for (String field : List.of("\"format\" : 1", "\"name\" : \"m\"", "\"arch\" : \"vgg16\"", "\"preset\" : \"torch\"",
                "\"sha256\" : \"" + entry.sha256() + "\"", "\"size\" : " + entry.size(), "\"sourceSha256\" : \"" + sha256(MODEL) + "\"",
                "\"preparation\" : \"copied, vgg16 appended\"", "\"created\" : \"" + entry.created() + "\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void anEntryRoundTripsThroughItsJson() throws IOException {
        CacheEntry entry = new CacheEntry("shop.v2", Arch.DENSENET121, Preset.KERAS_TORCH, sha256(MODEL), 4096, "https://example.org/m.onnx",
                sha256(new byte[0]), "cut at /Relu_output_0 (1024 channels), appended GlobalMaxPool",
                Instant.parse("2025-01-02T03:04:05.678Z"));

        assertEquals(entry, EntryCodec.decode(EntryCodec.encode(entry)));
    }

    @Test
    void anEntryOfAnotherFormatIsRefused() {
        String json = "{\"format\": 2, \"name\": \"m\"}";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntryCodec.decode(json.getBytes(StandardCharsets.UTF_8)));

        assertEquals("format 2 is not 1", e.getMessage());
    }

    @Test
    void anIntactEntryIsReadyAndFound() throws IOException {
        assertEquals(ModelListing.Status.READY, cache.list().get(0).status());
        assertEquals(Optional.of(Arch.VGG16), cache.find("m").map(CacheEntry::arch));
        assertEquals(Optional.empty(), cache.find("other"));
    }

    @Test
    void aMissingModelFileIsDamage() throws IOException {
        Files.delete(entryDir.resolve(ModelCache.MODEL_FILE));

        assertDamaged("its model.onnx is missing");
    }

    @Test
    void aTruncatedModelFileIsDamage() throws IOException {
        long size = Files.size(entryDir.resolve(ModelCache.MODEL_FILE));
        Files.write(entryDir.resolve(ModelCache.MODEL_FILE), new byte[10]);

        assertDamaged("its model.onnx is 10 bytes, but was " + size);
    }

    @Test
    void anUnreadableEntryIsDamage() throws IOException {
        Files.writeString(entryDir.resolve(ModelCache.ENTRY_FILE), "{\"format\": 1, \"name\": ");

        String problem = assertDamaged("its model.json cannot be read (");

        assertTrue(problem.endsWith("; import it again with `fashionrec models import FILE --arch ARCH --name m`"), problem);
    }

    @Test
    void aMissingEntryIsDamage() throws IOException {
        Files.delete(entryDir.resolve(ModelCache.ENTRY_FILE));

        assertDamaged("it has no model.json");
    }

    @Test
    void anEntryOfAnotherNameIsDamage() throws IOException {
        Files.move(entryDir, dir.resolve("n"));

        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> cache.find("n"));

        assertTrue(e.getMessage().contains("is damaged: its model.json is the entry of 'm'"), e.getMessage());
    }

    @Test
    void directoriesThatAreNotModelNamesAreNotListed() throws IOException {
        Files.createDirectories(dir.resolve("Photos"));

        assertEquals(List.of("m"), cache.list().stream().map(ModelListing::name).toList());
    }

    @Test
    void oneNameIsStoredByOneWriterAtATime() throws IOException {
        CacheTransaction first = cache.begin("m");
        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> cache.begin("m"));
        assertEquals("the model 'm' is being pulled or imported by another fashionrec (it holds " + dir.resolve(".staging/m.lock")
                + "); wait for it to finish and try again", e.getMessage());
        cache.begin("other").close();
        first.close();

        cache.begin("m").close();
    }

    @Test
    void leftoversOfACrashedTransactionAreClearedByTheNext() throws IOException {
        Path work = dir.resolve(".staging/m.work");
        Files.createDirectories(work);
        Files.write(work.resolve(ModelCache.MODEL_FILE), new byte[] {1});

        cache.begin("m").close();

        assertEquals(List.of(".staging/m.lock", "m/model.json", "m/model.onnx", "source.onnx"), TestModels.filesUnder(dir));
    }

    private String assertDamaged(String what) throws IOException {
        ModelListing listing = cache.list().get(0);
        assertEquals(ModelListing.Status.DAMAGED, listing.status());
        assertTrue(listing.problem().startsWith("the cached model 'm' in " + entryDir + " is damaged: " + what), listing.problem());
        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> cache.find("m"));
        assertEquals(listing.problem(), e.getMessage());
        return listing.problem();
    }
}

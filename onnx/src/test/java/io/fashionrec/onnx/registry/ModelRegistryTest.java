package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import static io.fashionrec.onnx.registry.TestModels.filesUnder;
import static io.fashionrec.onnx.registry.TestModels.prepared;
import static io.fashionrec.onnx.registry.TestModels.randomBytes;
import static io.fashionrec.onnx.registry.TestModels.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.progress.Progress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static final byte[] MODEL = randomBytes(1, 300 * 1024);
    private static final String PATH = "zoo/tiny-7.onnx";
    private static final KnownModel TINY = new KnownModel("tiny", Arch.VGG16, Preset.CAFFE, TestModels.expected(MODEL), List.of(PATH));
    private static final KnownModel MOVED = new KnownModel("moved", Arch.DENSENET121, Preset.TORCH, TestModels.expected(MODEL),
            List.of("new/moved.onnx", "old/moved.onnx"));

    @TempDir
    Path dir;

    private ModelServer server;
    private ModelCache cache;
    private Path cacheDir;

    @BeforeEach
    void start() throws IOException {
        server = new ModelServer();
        cacheDir = dir.resolve("cache");
        cache = new ModelCache(cacheDir, new KnownModels(List.of(TINY, MOVED)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelRegistry registry(ModelPreparer preparer) {
        return new ModelRegistry(cache, server.base(), new ModelDownloader(Duration.ofSeconds(5), Duration.ofMillis(500), 5), preparer);
    }

    @Test
    void aPullDownloadsVerifiesPreparesAndWritesTheEntry() throws IOException {
        server.serve(PATH, MODEL);
        RecordingProgress progress = new RecordingProgress();
        Instant before = Instant.now();

        CacheEntry entry = registry(TestModels.PREPARER).pull("tiny", progress);

        byte[] preparedModel = prepared(MODEL, "vgg16");
        assertEquals("tiny", entry.name());
        assertEquals(Arch.VGG16, entry.arch());
        assertEquals(Preset.CAFFE, entry.preset());
        assertEquals(sha256(preparedModel), entry.sha256());
        assertEquals(preparedModel.length, entry.size());
        assertEquals(server.url(PATH).toString(), entry.source());
        assertEquals(sha256(MODEL), entry.sourceSha256());
        assertEquals("copied, vgg16 appended", entry.preparation());
        assertFalse(entry.created().isBefore(before.minusSeconds(1)));
        assertArrayEquals(preparedModel, Files.readAllBytes(cacheDir.resolve("tiny/model.onnx")));
        assertEquals(Optional.of(entry), cache.find("tiny"), "model.json holds the entry");
        assertEquals(List.of("pull tiny"), progress.tasks);
        assertEquals(MODEL.length, progress.advanced.get());
        assertEquals(List.of(".staging/tiny.lock", "tiny/model.json", "tiny/model.onnx"), filesUnder(cacheDir),
                "the raw download is deleted once the entry is written");

        ResolvedModel resolved = registry(TestModels.PREPARER).resolve("tiny");
        assertEquals(new ResolvedModel(cacheDir.resolve("tiny/model.onnx"), "tiny", Optional.of(Arch.VGG16), Preset.CAFFE, entry.sha256()),
                resolved);
    }

    @Test
    void aModelPulledAlreadyIsNotFetchedAgain() throws IOException {
        server.serve(PATH, MODEL);
        CacheEntry first = registry(TestModels.PREPARER).pull("tiny", Progress.NONE);

        CacheEntry second = registry(TestModels.PREPARER).pull("tiny", Progress.NONE);

        assertEquals(first, second);
        assertEquals(1, server.requests().size());
    }

    @Test
    void aMovedFileIsFoundAtItsOlderPath() throws IOException {
        server.serve("old/moved.onnx", MODEL);

        CacheEntry entry = registry(TestModels.PREPARER).pull("moved", Progress.NONE);

        assertEquals(server.url("old/moved.onnx").toString(), entry.source());
        assertEquals(List.of("/new/moved.onnx", "/old/moved.onnx"), server.requests().stream().map(ModelServer.Request::path).toList());
    }

    @Test
    void aFileMissingEverywhereNamesEveryUrl() {
        DownloadException e = assertThrows(DownloadException.class, () -> registry(TestModels.PREPARER).pull("moved", Progress.NONE));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains(server.url("old/moved.onnx").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(server.url("new/moved.onnx").toString()), e.getMessage());
    }

    @Test
    void aPull404NamesTheUrlAndLeavesNoEntry() throws IOException {
        DownloadException e = assertThrows(DownloadException.class, () -> registry(TestModels.PREPARER).pull("tiny", Progress.NONE));

        assertTrue(e.getMessage().contains(server.url(PATH) + " (HTTP 404"), e.getMessage());
        assertEquals(Optional.empty(), cache.find("tiny"));
    }

    @Test
    void aWrongChecksumLeavesNoEntryAndNoFile() throws IOException {
        server.serve(PATH, randomBytes(2, MODEL.length));

        DownloadException e = assertThrows(DownloadException.class, () -> registry(TestModels.PREPARER).pull("tiny", Progress.NONE));

        assertTrue(e.getMessage().contains("expected " + sha256(MODEL) + "; the download was discarded"), e.getMessage());
        assertEquals(List.of(".staging/tiny.lock"), filesUnder(cacheDir));
        assertEquals(ModelListing.Status.AVAILABLE, listing("tiny").status());
    }

    @Test
    void aCutPullResumesOnTheNextPull() throws IOException {
        server.cutAfter(PATH, MODEL, MODEL.length / 2);
        DownloadException cut = assertThrows(DownloadException.class, () -> registry(TestModels.PREPARER).pull("tiny", Progress.NONE));
        assertTrue(cut.getMessage().contains("the next attempt resumes from there"), cut.getMessage());
        server.serve(PATH, MODEL);

        CacheEntry entry = registry(TestModels.PREPARER).pull("tiny", Progress.NONE);

        assertEquals("bytes=" + MODEL.length / 2 + "-", server.requests().get(1).range());
        assertEquals(sha256(prepared(MODEL, "vgg16")), entry.sha256());
    }

    @Test
    void aCrashWhilePreparingLeavesNoEntryAndTheNextPullNeedsNoDownload() throws IOException {
        server.serve(PATH, MODEL);

        IOException crash = assertThrows(IOException.class, () -> registry(TestModels.CRASHING).pull("tiny", Progress.NONE));

        assertEquals("simulated crash while preparing", crash.getMessage());
        assertEquals(Optional.empty(), cache.find("tiny"));
        assertFalse(Files.exists(cacheDir.resolve("tiny")));
        assertEquals(ModelListing.Status.AVAILABLE, listing("tiny").status());
        assertEquals(List.of(".staging/tiny.download", ".staging/tiny.lock"), filesUnder(cacheDir),
                "only the verified download is kept, for the next pull");

        CacheEntry entry = registry(TestModels.PREPARER).pull("tiny", Progress.NONE);

        assertEquals(1, server.requests().size(), "the kept download was verified, not fetched again");
        assertEquals(sha256(prepared(MODEL, "vgg16")), entry.sha256());
    }

    @Test
    void aFailedReplacementKeepsTheOldEntry() throws IOException {
        Path file = write("keep.onnx", MODEL);
        CacheEntry old = registry(TestModels.PREPARER).importFile(file, "vgg16", null, null);

        assertThrows(IOException.class, () -> registry(TestModels.CRASHING).importFile(file, "densenet121", null, null));

        assertEquals(Optional.of(old), cache.find("keep"));
        assertEquals(List.of(".staging/keep.lock", "keep/model.json", "keep/model.onnx"), filesUnder(cacheDir));
    }

    @Test
    void aPreparerRejectingTheFileSaysWhy() throws IOException {
        server.serve(PATH, MODEL);
        ModelPreparer rejecting = (source, arch, target) -> {
            throw new IllegalArgumentException("no node named /Relu_output_0; is this a vgg16?");
        };

        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> registry(rejecting).pull("tiny", Progress.NONE));

        assertEquals("cannot prepare the model 'tiny' from " + server.url(PATH) + ": no node named /Relu_output_0; is this a vgg16?",
                e.getMessage());
        assertEquals(Optional.empty(), cache.find("tiny"));
    }

    @Test
    void anUnknownNameCannotBePulled() {
        ModelRegistryException e = assertThrows(ModelRegistryException.class,
                () -> registry(TestModels.PREPARER).pull("resnet50", Progress.NONE));

        assertEquals("there is no known model 'resnet50' to pull: choose one of tiny, moved, or import your own with "
                + "`fashionrec models import FILE --arch densenet121|vgg16`", e.getMessage());
    }

    @Test
    void anImportUsesTheFileStemAndTheTorchPresetByDefault() throws IOException {
        byte[] model = randomBytes(3, 5000);
        Path file = write("My-Model.onnx", model);

        CacheEntry entry = registry(TestModels.PREPARER).importFile(file, "DenseNet121", null, null);

        assertEquals("my-model", entry.name());
        assertEquals(Arch.DENSENET121, entry.arch());
        assertEquals(Preset.TORCH, entry.preset());
        assertEquals(file.toAbsolutePath().toString(), entry.source());
        assertEquals(sha256(model), entry.sourceSha256());
        assertEquals(sha256(prepared(model, "densenet121")), entry.sha256());
        assertEquals(List.of(".staging/my-model.lock", "my-model/model.json", "my-model/model.onnx"), filesUnder(cacheDir),
                "the import copy is deleted");
        assertEquals(ModelListing.Status.READY, listing("my-model").status());
        assertEquals(Optional.of(Arch.DENSENET121), registry(TestModels.PREPARER).resolve("my-model").arch());
    }

    @Test
    void anImportTakesAGivenNameAndPreset() throws IOException {
        Path file = write("export.onnx", MODEL);

        CacheEntry entry = registry(TestModels.PREPARER).importFile(file, "vgg16", "shop-vgg", "KERAS-torch");

        assertEquals("shop-vgg", entry.name());
        assertEquals(Preset.KERAS_TORCH, entry.preset());
    }

    @Test
    void badImportArgumentsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = write("export.onnx", MODEL);
        ModelRegistry registry = registry(TestModels.PREPARER);

        assertEquals("invalid model name '../evil': use 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
                assertThrows(ModelRegistryException.class, () -> registry.importFile(file, "vgg16", "../evil", null)).getMessage());
        assertEquals("invalid model name 'Shop': use 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
                assertThrows(ModelRegistryException.class, () -> registry.importFile(file, "vgg16", "Shop", null)).getMessage());
        assertEquals("unknown architecture 'resnet50': choose one of densenet121, vgg16",
                assertThrows(ModelRegistryException.class, () -> registry.importFile(file, "resnet50", null, null)).getMessage());
        assertEquals("unknown architecture 'null': choose one of densenet121, vgg16",
                assertThrows(ModelRegistryException.class, () -> registry.importFile(file, null, null, null)).getMessage());
        assertEquals("unknown preset 'tf': choose one of torch, caffe, keras-torch",
                assertThrows(ModelRegistryException.class, () -> registry.importFile(file, "vgg16", null, "tf")).getMessage());
        Path spaced = write("my model.onnx", MODEL);
        assertTrue(assertThrows(ModelRegistryException.class, () -> registry.importFile(spaced, "vgg16", null, null)).getMessage()
                .endsWith("give a name with --name"));
        Path missing = dir.resolve("missing.onnx");
        assertEquals("cannot import " + missing + ": there is no such file",
                assertThrows(ModelRegistryException.class, () -> registry.importFile(missing, "vgg16", null, null)).getMessage());
        assertFalse(Files.exists(cacheDir));
    }

    @Test
    void aDamagedEntryIsListedAndRefused() throws IOException {
        Path file = write("shop.onnx", MODEL);
        ModelRegistry registry = registry(TestModels.PREPARER);
        registry.importFile(file, "vgg16", null, "caffe");
        Path model = cacheDir.resolve("shop/model.onnx");
        byte[] edited = Files.readAllBytes(model);
        edited[100] ^= 0x40;
        Files.write(model, edited);

        ModelListing listing = listing("shop");
        assertEquals(ModelListing.Status.DAMAGED, listing.status());
        assertEquals("the cached model 'shop' in " + cacheDir.resolve("shop") + " is damaged: its model.onnx has sha256 " + sha256(edited)
                + ", but had " + listing.entry().sha256() + "; import it again with `fashionrec models import " + file.toAbsolutePath()
                + " --arch vgg16 --name shop --preset caffe`", listing.problem());
        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> registry.resolve("shop"));
        assertEquals(listing.problem(), e.getMessage());

        registry.importFile(file, "vgg16", null, "caffe");

        assertEquals(ModelListing.Status.READY, listing("shop").status(), "importing again repairs it");
    }

    @Test
    void aDamagedPulledModelIsPulledAgain() throws IOException {
        server.serve(PATH, MODEL);
        ModelRegistry registry = registry(TestModels.PREPARER);
        CacheEntry entry = registry.pull("tiny", Progress.NONE);
        Files.write(cacheDir.resolve("tiny/model.onnx"), new byte[] {0});
        assertTrue(listing("tiny").problem().endsWith("; pull it again with `fashionrec models pull tiny`"), listing("tiny").problem());

        CacheEntry again = registry.pull("tiny", Progress.NONE);

        assertEquals(2, server.requests().size());
        assertEquals(entry.sha256(), again.sha256());
        assertEquals(ModelListing.Status.READY, listing("tiny").status());
    }

    @Test
    void aReadyPathIsUsedAsItIs() throws IOException {
        Path file = write("mine.onnx", MODEL);
        CountingPreparer preparer = new CountingPreparer(false);

        ResolvedModel resolved = registry(preparer).resolve(file.toString());

        assertEquals(new ResolvedModel(file, "mine.onnx", Optional.empty(), Preset.TORCH, sha256(MODEL)), resolved);
        assertEquals(0, preparer.prepared);
        assertFalse(Files.exists(cacheDir));
    }

    @Test
    void aPathThatNeedsPreparingIsPreparedOnceIntoTheCache() throws IOException {
        Path file = write("classifier.onnx", MODEL);
        CountingPreparer preparer = new CountingPreparer(true);
        ModelRegistry registry = registry(preparer);

        ResolvedModel first = registry.resolve(file.toString());
        ResolvedModel second = registry.resolve(file.toString());

        Path prepared = cacheDir.resolve(".prepared").resolve(sha256(MODEL) + ".onnx");
        byte[] preparedModel = prepared(MODEL, "unregistered");
        assertEquals(new ResolvedModel(prepared, "classifier.onnx", Optional.empty(), Preset.TORCH, sha256(preparedModel)), first);
        assertEquals(first, second);
        assertEquals(1, preparer.prepared, "the second resolve finds the prepared copy");
        assertArrayEquals(preparedModel, Files.readAllBytes(prepared));
        assertEquals(List.of(".prepared/" + sha256(MODEL) + ".onnx"), filesUnder(cacheDir), "no temporary file is left");
        assertEquals(List.of("moved", "tiny"), registry.list().stream().map(ModelListing::name).toList(), "prepared copies are not models");
    }

    @Test
    void aPathThePreparerRejectsSaysWhichFileAndWhy() throws IOException {
        Path file = write("broken.onnx", MODEL);
        ModelPreparer rejecting = new ModelPreparer() {
            @Override
            public String prepare(Path source, String arch, Path target) {
                throw new AssertionError("not reached");
            }

            @Override
            public boolean needsPreparation(Path source) {
                throw new IllegalArgumentException("its graph has two outputs");
            }
        };

        assertEquals("cannot use the model file " + file + ": its graph has two outputs",
                assertThrows(ModelRegistryException.class, () -> registry(rejecting).resolve(file.toString())).getMessage());
        assertEquals(List.of(), filesUnder(cacheDir));
    }

    /** {@link TestModels#PREPARER} that says whether a path needs it, and counts its preparations. */
    private static final class CountingPreparer implements ModelPreparer {
        private final boolean needed;
        int prepared;

        CountingPreparer(boolean needed) {
            this.needed = needed;
        }

        @Override
        public String prepare(Path source, String arch, Path target) throws IOException {
            prepared++;
            return TestModels.PREPARER.prepare(source, arch, target);
        }

        @Override
        public boolean needsPreparation(Path source) {
            return needed;
        }
    }

    @Test
    void unresolvableValuesSayWhatToDo() throws IOException {
        ModelRegistry registry = registry(TestModels.PREPARER);
        Path missing = dir.resolve("nothere.onnx");

        assertEquals("there is no model file " + missing + "; give the path of an existing .onnx file, or a model name (moved, tiny)",
                assertThrows(ModelRegistryException.class, () -> registry.resolve(missing.toString())).getMessage());
        assertEquals("the model 'tiny' is not pulled yet: run `fashionrec models pull tiny` (a 0.3 MB download)",
                assertThrows(ModelRegistryException.class, () -> registry.resolve("tiny")).getMessage());
        assertEquals("there is no model 'mine': use one of moved, tiny, import your own with "
                        + "`fashionrec models import FILE --arch ARCH --name mine`, or give the path of a .onnx file",
                assertThrows(ModelRegistryException.class, () -> registry.resolve("mine")).getMessage());
        assertTrue(assertThrows(ModelRegistryException.class, () -> registry.resolve("Tiny")).getMessage()
                .startsWith("invalid model name 'Tiny'"));
    }

    @Test
    void theListHoldsCachedAndAvailableModelsByName() throws IOException {
        server.serve(PATH, MODEL);
        ModelRegistry registry = registry(TestModels.PREPARER);
        registry.pull("tiny", Progress.NONE);
        registry.importFile(write("zeta.onnx", MODEL), "vgg16", null, null);
        registry.importFile(write("alpha.onnx", MODEL), "vgg16", null, null);

        List<ModelListing> listings = registry.list();

        assertEquals(List.of("alpha", "moved", "tiny", "zeta"), listings.stream().map(ModelListing::name).toList());
        assertEquals(List.of(ModelListing.Status.READY, ModelListing.Status.AVAILABLE, ModelListing.Status.READY, ModelListing.Status.READY),
                listings.stream().map(ModelListing::status).toList());
        assertEquals(new ModelListing("moved", ModelListing.Status.AVAILABLE, null, MOVED, ""), listings.get(1));
        assertEquals(TINY, listings.get(2).known());
        assertEquals(null, listings.get(0).known());
    }

    @Test
    void theBaseUrlMustBeHttp() {
        ModelDownloader downloader = new ModelDownloader();
        assertEquals("the model download address 'file:/models/' is not an http or https URL",
                assertThrows(ModelRegistryException.class,
                        () -> new ModelRegistry(cache, URI.create("file:/models/"), downloader, TestModels.PREPARER)).getMessage());
    }

    @Test
    void aBaseUrlWithoutTheFinalSlashStillReachesTheFiles() throws IOException {
        server.serve("mirror/" + PATH, MODEL);
        ModelRegistry registry = new ModelRegistry(cache, server.url("mirror"), new ModelDownloader(), TestModels.PREPARER);

        assertEquals(server.url("mirror/" + PATH).toString(), registry.pull("tiny", Progress.NONE).source());
    }

    private ModelListing listing(String name) throws IOException {
        return cache.list().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private Path write(String fileName, byte[] bytes) throws IOException {
        Path file = dir.resolve("files").resolve(fileName);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}

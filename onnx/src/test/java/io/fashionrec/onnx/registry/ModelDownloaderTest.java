package io.fashionrec.onnx.registry;

import static io.fashionrec.onnx.registry.TestModels.expected;
import static io.fashionrec.onnx.registry.TestModels.randomBytes;
import static io.fashionrec.onnx.registry.TestModels.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.progress.Progress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    private static final int SIZE = 300 * 1024;
    private static final byte[] MODEL = randomBytes(42, SIZE);
    private static final String STALL_MESSAGE = "no data arrived for 300 ms";

    @TempDir
    Path dir;

    private ModelServer server;
    private Path target;
    private Path part;
    private final ModelDownloader downloader = new ModelDownloader(Duration.ofSeconds(5), Duration.ofMillis(300), 5);

    @BeforeEach
    void startServer() throws IOException {
        server = new ModelServer();
        target = dir.resolve("model.onnx");
        part = ModelDownloader.partFile(target);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws IOException {
        server.serve("m.onnx", MODEL);
        RecordingProgress progress = new RecordingProgress();

        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", progress);

        assertArrayEquals(MODEL, Files.readAllBytes(target));
        assertFalse(Files.exists(part), "the .part is renamed into place");
        assertEquals(List.of("pull m"), progress.tasks);
        assertEquals(List.of((long) SIZE), progress.totals);
        assertEquals(SIZE, progress.advanced.get());
        assertEquals(1, progress.finished);
        assertEquals(List.of(new ModelServer.Request("/m.onnx", null)), server.requests());
    }

    @Test
    void aTargetThatIsTheFileAlreadyIsNotFetched() throws IOException {
        Files.write(target, MODEL);

        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE);

        assertEquals(List.of(), server.requests());
    }

    @Test
    void aTargetWithOtherBytesIsReplaced() throws IOException {
        Files.write(target, randomBytes(7, SIZE));
        server.serve("m.onnx", MODEL);

        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE);

        assertArrayEquals(MODEL, Files.readAllBytes(target));
    }

    @Test
    void aWrongChecksumDiscardsTheDownload() {
        byte[] other = randomBytes(43, SIZE);
        server.serve("m.onnx", other);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().contains("has sha256 " + sha256(other) + ", expected " + sha256(MODEL)), e.getMessage());
        assertTrue(e.getMessage().contains("the download was discarded"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url("m.onnx").toString()), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(part));
    }

    @Test
    void aWrongSizeDiscardsTheDownload() {
        // A Git LFS pointer served instead of the file looks like this: complete, but far too short.
        server.serve("m.onnx", Arrays.copyOf(MODEL, 133));

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().contains("is 133 bytes, expected " + SIZE + "; the download was discarded"), e.getMessage());
        assertFalse(Files.exists(part));
    }

    @Test
    void aLongerFileIsNotFetchedToItsEnd() {
        server.serve("m.onnx", randomBytes(44, 4 * SIZE));

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().contains("expected " + SIZE + "; the download was discarded"), e.getMessage());
        assertFalse(Files.exists(part));
    }

    @Test
    void notFoundNamesTheUrl() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("missing.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("there is no file at " + server.url("missing.onnx") + " (HTTP 404"), e.getMessage());
    }

    @Test
    void aRefusalGivesTheStatus() {
        server.status("m.onnx", 403);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertEquals(403, e.status());
        assertEquals("the server refused to send " + server.url("m.onnx") + " (HTTP 403 Forbidden)", e.getMessage());
    }

    @Test
    void aServerErrorKeepsThePartForLater() throws IOException {
        Files.write(part, Arrays.copyOf(MODEL, 1000));
        server.status("m.onnx", 503);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("(HTTP 503 Service Unavailable); try again later"), e.getMessage());
        assertEquals(1000, Files.size(part));
    }

    @Test
    void aCutConnectionKeepsThePartAndTheNextAttemptResumesWithRange() throws IOException {
        int half = SIZE / 2;
        server.cutAfter("m.onnx", MODEL, half);

        DownloadException cut = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(cut.getMessage().contains("the connection was cut"), cut.getMessage());
        assertTrue(cut.getMessage().contains("the " + half + " of " + SIZE + " bytes received are kept in " + part
                + " and the next attempt resumes from there"), cut.getMessage());
        assertEquals(half, Files.size(part));
        assertFalse(Files.exists(target));

        server.serve("m.onnx", MODEL);
        RecordingProgress progress = new RecordingProgress();
        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", progress);

        assertEquals(new ModelServer.Request("/m.onnx", "bytes=" + half + "-"), server.requests().get(1));
        assertArrayEquals(MODEL, Files.readAllBytes(target));
        assertEquals(SIZE, progress.advanced.get(), "the resumed prefix counts in the progress");
        assertFalse(Files.exists(part));
    }

    @Test
    void resumingAtRandomCutsGivesTheExactFile() throws IOException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 4; round++) {
            byte[] model = randomBytes(random.nextLong(), 1 + random.nextInt(SIZE));
            int cutAt = random.nextInt(model.length);
            Path roundTarget = dir.resolve("round" + round + ".onnx");
            server.cutAfter("r.onnx", model, cutAt);
            assertThrows(DownloadException.class,
                    () -> downloader.download(server.url("r.onnx"), roundTarget, expected(model), "r", Progress.NONE),
                    "seed " + seed + " round " + round);
            server.serve("r.onnx", model);

            downloader.download(server.url("r.onnx"), roundTarget, expected(model), "r", Progress.NONE);

            assertArrayEquals(model, Files.readAllBytes(roundTarget), "seed " + seed + " round " + round + " cut at " + cutAt);
        }
    }

    @Test
    void aServerIgnoringRangeIsDownloadedFromTheStart() throws IOException {
        Files.write(part, Arrays.copyOf(MODEL, SIZE / 3));
        server.serveIgnoringRange("m.onnx", MODEL);
        RecordingProgress progress = new RecordingProgress();

        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", progress);

        assertEquals("bytes=" + SIZE / 3 + "-", server.requests().get(0).range());
        assertArrayEquals(MODEL, Files.readAllBytes(target));
        assertEquals(SIZE, progress.advanced.get(), "the stale prefix is not counted twice");
    }

    @Test
    void aDamagedPrefixFailsTheWholeFileChecksum() throws IOException {
        byte[] damaged = Arrays.copyOf(MODEL, SIZE / 2);
        damaged[10] ^= 1;
        Files.write(part, damaged);
        server.serve("m.onnx", MODEL);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().contains("the download was discarded"), e.getMessage());
        assertFalse(Files.exists(part));
    }

    @Test
    void aPartLongerThanTheFileIsStartedOver() throws IOException {
        Files.write(part, randomBytes(45, SIZE + 10));
        server.serve("m.onnx", MODEL);

        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE);

        assertEquals(List.of(new ModelServer.Request("/m.onnx", null)), server.requests());
        assertArrayEquals(MODEL, Files.readAllBytes(target));
    }

    @Test
    void aCompletePartIsVerifiedWithoutARequest() throws IOException {
        Files.write(part, MODEL);

        downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE);

        assertEquals(List.of(), server.requests());
        assertArrayEquals(MODEL, Files.readAllBytes(target));
    }

    @Test
    void redirectsAreFollowedAndRangeGoesAlong() throws IOException {
        // Like GitHub: the raw URL redirects (here twice, once relatively) to the host with the bytes.
        server.redirect("raw/m.onnx", "/hop/m.onnx");
        server.redirect("hop/m.onnx", server.url("media/m.onnx").toString());
        server.cutAfter("media/m.onnx", MODEL, 5000);
        assertThrows(DownloadException.class,
                () -> downloader.download(server.url("raw/m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));
        server.serve("media/m.onnx", MODEL);

        downloader.download(server.url("raw/m.onnx"), target, expected(MODEL), "pull m", Progress.NONE);

        assertArrayEquals(MODEL, Files.readAllBytes(target));
        List<ModelServer.Request> resumed = server.requests().subList(3, 6);
        assertEquals(List.of(new ModelServer.Request("/raw/m.onnx", "bytes=5000-"), new ModelServer.Request("/hop/m.onnx", "bytes=5000-"),
                new ModelServer.Request("/media/m.onnx", "bytes=5000-")), resumed);
    }

    @Test
    void redirectsAreLimited() {
        server.redirect("loop", "/loop");

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("loop"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
        assertEquals(6, server.requests().size());
    }

    @Test
    void aStalledServerTimesOutAndThePartIsKept() throws IOException {
        server.stallAfter("m.onnx", MODEL, 4096);
        long started = System.nanoTime();

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(server.url("m.onnx"), target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().contains(STALL_MESSAGE), e.getMessage());
        assertTrue(e.getMessage().contains("the next attempt resumes from there"), e.getMessage());
        assertEquals(4096, Files.size(part));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "gave up after the stall timeout");
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/m.onnx");

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(url, target, expected(MODEL), "pull m", Progress.NONE));

        assertTrue(e.getMessage().startsWith("downloading " + url + " failed: cannot connect to 127.0.0.1"), e.getMessage());
        assertFalse(Files.exists(part) && Files.size(part) > 0);
    }
}

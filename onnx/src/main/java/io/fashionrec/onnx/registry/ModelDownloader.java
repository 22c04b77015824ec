package io.fashionrec.onnx.registry;

import io.fashionrec.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a file over HTTP(S) into place, verified and resumable.
 *
 * <p>Bytes arrive in {@code <target>.part}. A {@code .part} left by an earlier attempt is resumed
 * with a {@code Range} request; a server that answers with the whole file (200) starts it over.
 * The SHA-256 covers the whole file, the resumed prefix re-read from disk. When the file is
 * complete its size and SHA-256 are checked: a mismatch deletes the {@code .part}; a match moves it
 * atomically to {@code target}, so {@code target} only ever holds a verified file. When the
 * connection is cut or stalls the {@code .part} stays for the next attempt.
 *
 * <p>Redirects are followed (up to a limit, http and https only). There is a connect timeout, and
 * a stall timeout: the longest wait for the next bytes.
 *
 * <p>Thread-safe, but two downloads to the same target must not run at once (the
 * {@link ModelRegistry} serialises work on one model).
 */
public final class ModelDownloader {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    private static final String PART_SUFFIX = ".part";
    private static final int BUFFER_BYTES = 1 << 16;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int RANGE_NOT_SATISFIABLE = 416;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final int maxRedirects;

    /** A downloader with the default timeouts and redirect limit. */
    public ModelDownloader() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_STALL_TIMEOUT, DEFAULT_MAX_REDIRECTS);
    }

    /**
     * @param connectTimeout how long to wait for a connection, at least 1 ms
     * @param stallTimeout   how long to wait for the response or for the next bytes, at least 1 ms
     * @param maxRedirects   how many redirects one request may follow, at least 0
     */
    public ModelDownloader(Duration connectTimeout, Duration stallTimeout, int maxRedirects) {
        this.connectTimeout = checkTimeout(connectTimeout, "connect");
        this.stallTimeout = checkTimeout(stallTimeout, "stall");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("the redirect limit must be >= 0, got " + maxRedirects);
        }
        this.maxRedirects = maxRedirects;
    }

    /** Where the bytes of a download to {@code target} collect until they are verified. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    /**
     * Makes {@code target} hold the file at {@code url}, which must be {@code expected}. If
     * {@code target} already holds that file nothing is fetched; if it holds anything else it is
     * replaced. Reports the bytes on {@code progress} as task {@code task} (total: the expected size;
     * resumed bytes are reported at once).
     *
     * @throws DownloadException on an HTTP error, a connection cut or stalled (the {@code .part} is
     *                           kept and the message says so), too many redirects, or a file that
     *                           is not {@code expected} (the {@code .part} is deleted)
     * @throws IOException       if the target directory cannot be written
     */
    public void download(URI url, Path target, ExpectedFile expected, String task, Progress progress) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expected, "expected");
        if (Files.isRegularFile(target)) {
            if (Files.size(target) == expected.size() && Sha256.of(target).equals(expected.sha256())) {
                return;
            }
            Files.delete(target);
        }
        Path part = partFile(target);
        Files.createDirectories(part.toAbsolutePath().getParent());
        long size;
        String sha256;
        progress.start(task, expected.size());
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Transfer transfer = new Transfer(url, part, out, expected, progress);
            transfer.run();
            out.force(true);
            size = out.size();
            sha256 = Sha256.hex(transfer.digest);
        } finally {
            progress.finish();
        }
        if (size != expected.size() || !sha256.equals(expected.sha256())) {
            Files.deleteIfExists(part);
            String what = size != expected.size()
                    ? "is " + size + " bytes, expected " + expected.size()
                    : "has sha256 " + sha256 + ", expected " + expected.sha256();
            throw new DownloadException("the file downloaded from " + url + " " + what
                    + "; the download was discarded (try again; if this repeats, the file at the source has changed)", 0);
        }
        AtomicFiles.move(part, target);
    }

    /** One attempt to complete a {@code .part}: the requests, the resume decision and the copying. */
    private final class Transfer {

        final URI url;
        final Path part;
        final FileChannel out;
        final ExpectedFile expected;
        final Progress progress;
        final MessageDigest digest = Sha256.newDigest();

        Transfer(URI url, Path part, FileChannel out, ExpectedFile expected, Progress progress) {
            this.url = url;
            this.part = part;
            this.out = out;
            this.expected = expected;
            this.progress = progress;
        }

        void run() throws IOException {
            // A .part longer than the file is not a prefix of it.
            long have = out.size() > expected.size() ? 0 : out.size();
            if (have == expected.size()) {
                // Complete already (the earlier attempt ended before the check): verify without asking the server.
                countPrefix(have);
                return;
            }
            try (Response response = openFrom(have)) {
                long offset = response.status == 206 ? have : 0;
                out.truncate(offset);
                countPrefix(offset);
                out.position(offset);
                copyBody(response, offset);
            }
        }

        /**
         * A successful response for the bytes from {@code offset} on: a 206 that continues there, or
         * a 200 with the whole file. When the server cannot continue at {@code offset} (416, or a 206
         * for other bytes) the whole file is asked for instead.
         */
        private Response openFrom(long offset) throws IOException {
            Response response = open(offset);
            if (offset > 0 && (response.status == RANGE_NOT_SATISFIABLE || (response.status == 206 && !response.continuesAt(offset)))) {
                response.close();
                return openFrom(0);
            }
            try {
                response.failUnlessSuccessful(offset > 0);
            } catch (DownloadException e) {
                response.close();
                throw e;
            }
            return response;
        }

        /** Counts the first {@code length} bytes already on disk, in the hash and in the progress. */
        private void countPrefix(long length) throws IOException {
            Sha256.update(digest, out, length);
            if (length > 0) {
                progress.advance(length);
            }
        }

        /**
         * Appends the response body to the {@code .part}. Stops early once the file is longer than
         * expected (the size check then discards it) rather than fetching an unbounded wrong file.
         */
        private void copyBody(Response response, long offset) throws IOException {
            long announced = response.connection.getContentLengthLong();
            long wanted = expected.size() - offset;
            byte[] buffer = new byte[BUFFER_BYTES];
            long received = 0;
            boolean ended = false;
            try (InputStream in = response.connection.getInputStream()) {
                while (received <= wanted) {
                    int n = read(in, buffer, offset + received);
                    if (n < 0) {
                        ended = true;
                        break;
                    }
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    digest.update(buffer, 0, n);
                    received += n;
                    progress.advance(n);
                }
            }
            if (ended && announced >= 0 && received < announced) {
                throw interrupted("the connection was cut", offset + received, null);
            }
        }

        private int read(InputStream in, byte[] buffer, long onDisk) throws IOException {
            try {
                return in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw interrupted("no data arrived for " + describe(stallTimeout), onDisk, e);
            } catch (IOException e) {
                throw interrupted("the connection was cut (" + e.getMessage() + ")", onDisk, e);
            }
        }

        /** The connection failed with {@code onDisk} bytes of the file in the {@code .part}, which stays. */
        private DownloadException interrupted(String what, long onDisk, Throwable cause) {
            String kept = onDisk > 0
                    ? "; the " + onDisk + " of " + expected.size() + " bytes received are kept in " + part
                            + " and the next attempt resumes from there"
                    : "; nothing was received, try again";
            return new DownloadException("downloading " + url + " failed: " + what + kept, cause);
        }

        /** Sends a GET (for the bytes from {@code offset} on, if positive), following redirects. */
        private Response open(long offset) throws IOException {
            URI current = url;
            for (int redirects = 0; ; redirects++) {
                Response response = request(current, offset);
                if (!REDIRECTS.contains(response.status)) {
                    return response;
                }
                String location = response.connection.getHeaderField("Location");
                response.close();
                if (location == null) {
                    throw new DownloadException("downloading " + url + " failed: " + current + " answered HTTP " + response.status
                            + " (a redirect) without a Location", response.status);
                }
                if (redirects == maxRedirects) {
                    throw new DownloadException("downloading " + url + " failed: more than " + maxRedirects
                            + " redirects (the last to " + location + ")", response.status);
                }
                current = redirectTarget(current, location);
            }
        }

        private URI redirectTarget(URI from, String location) throws DownloadException {
            URI target;
            try {
                target = from.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new DownloadException("downloading " + url + " failed: " + from + " redirected to an invalid URL '" + location + "'", e);
            }
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new DownloadException("downloading " + url + " failed: " + from + " redirected to " + target
                        + ", which is not an http or https URL", 0);
            }
            return target;
        }

        private Response request(URI target, long offset) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) stallTimeout.toMillis());
            // The sizes and hashes are those of the file itself, not of a compressed transfer.
            connection.setRequestProperty("Accept-Encoding", "identity");
            connection.setRequestProperty("User-Agent", "fashionrec");
            if (offset > 0) {
                connection.setRequestProperty("Range", "bytes=" + offset + "-");
            }
            try {
                connection.connect();
            } catch (SocketTimeoutException e) {
                throw new DownloadException("downloading " + url + " failed: no connection to " + target.getHost() + " within "
                        + describe(connectTimeout) + "; check the network or the download address", e);
            } catch (UnknownHostException e) {
                throw new DownloadException("downloading " + url + " failed: unknown host " + target.getHost()
                        + "; check the network or the download address", e);
            } catch (IOException e) {
                throw new DownloadException("downloading " + url + " failed: cannot connect to " + target.getHost() + " ("
                        + e.getMessage() + "); check the network or the download address", e);
            }
            try {
                return new Response(target, connection, connection.getResponseCode());
            } catch (IOException e) {
                connection.disconnect();
                String what = e instanceof SocketTimeoutException
                        ? "no response for " + describe(stallTimeout) : "the connection broke before a response (" + e.getMessage() + ")";
                throw interrupted(what, offset, e);
            }
        }

        /** A response whose status line has arrived; closing it releases the connection. */
        private final class Response implements AutoCloseable {

            final URI uri;
            final HttpURLConnection connection;
            final int status;

            Response(URI uri, HttpURLConnection connection, int status) {
                this.uri = uri;
                this.connection = connection;
                this.status = status;
            }

            /** Whether this 206 carries the bytes from {@code offset} to the end of the file. */
            boolean continuesAt(long offset) {
                String range = connection.getHeaderField("Content-Range");
                Matcher m = range == null ? null : CONTENT_RANGE.matcher(range.strip());
                if (m == null || !m.matches()) {
                    return false;
                }
                long first = Long.parseLong(m.group(1));
                long last = Long.parseLong(m.group(2));
                return first == offset && (m.group(3).equals("*") || last + 1 == Long.parseLong(m.group(3)));
            }

            /** Throws unless this is a 200, or a 206 when a range was asked for. */
            void failUnlessSuccessful(boolean rangeRequested) throws DownloadException {
                if (status == 200 || (status == 206 && rangeRequested)) {
                    return;
                }
                String where = uri.equals(url) ? url.toString() : url + " (redirected to " + uri + ")";
                if (status == 404) {
                    throw new DownloadException("there is no file at " + where + " (" + statusLine() + "); check the download address", status);
                }
                if (status >= 500) {
                    throw new DownloadException("the server failed to send " + where + " (" + statusLine()
                            + "); try again later, what was received so far is kept and resumed", status);
                }
                throw new DownloadException("the server refused to send " + where + " (" + statusLine() + ")", status);
            }

            /** "HTTP 503 Service Unavailable", or without the reason phrase when there is none. */
            private String statusLine() {
                String reason;
                try {
                    reason = connection.getResponseMessage();
                } catch (IOException e) {
                    reason = null;
                }
                return "HTTP " + status + (reason == null || reason.isBlank() ? "" : " " + reason.strip());
            }

            @Override
            public void close() {
                connection.disconnect();
            }
        }
    }

    private static Duration checkTimeout(Duration timeout, String what) {
        if (timeout == null || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + what + " timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms, got " + timeout);
        }
        return timeout;
    }

    /** "300 ms", "30 s": timeouts as people read them. */
    private static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}

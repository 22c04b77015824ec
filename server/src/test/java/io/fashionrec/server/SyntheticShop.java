package io.fashionrec.server;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.synthetic.CatalogGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A synthetic shop for server tests: a generated catalog (deterministic for its seed), its index
 * with the classic image encoder, and a real server on a free loopback port, with an HTTP client.
 * Building the index takes about a second; share one shop per test class.
 */
public final class SyntheticShop implements AutoCloseable {

    private final Path catalog;
    private final ProductIndex index;
    private final RecommendationServer server;
    private final Client client;

    private SyntheticShop(Path catalog, ProductIndex index, RecommendationServer server) {
        this.catalog = catalog;
        this.index = index;
        this.server = server;
        this.client = new Client(server.url());
    }

    /** A shop of {@code products} products drawn into {@code dir}, served with default settings. */
    public static SyntheticShop open(Path dir, int products) {
        return open(dir, products, UnaryOperator.identity());
    }

    /** As {@link #open(Path, int)}, with settings changed by {@code settings} before the server starts. */
    public static SyntheticShop open(Path dir, int products, UnaryOperator<RecommendationServer.Builder> settings) {
        try {
            Path catalog = dir.resolve("catalog");
            CatalogGenerator.builder().optProducts(products).optSeed(3).optImageSize(160, 160).optThreads(2).build().generate(catalog);
            ProductIndex index = IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder()).optThreads(2)
                    .build(Catalogs.read(catalog, new ProblemReport())).index();
            RecommendationServer server = settings.apply(RecommendationServer.builder(index).optPort(0)
                    .optPhotoEncoder(served -> new ClassicImageEncoder())).build().start();
            return new SyntheticShop(catalog, index, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path catalog() {
        return catalog;
    }

    public ProductIndex index() {
        return index;
    }

    public RecommendationServer server() {
        return server;
    }

    /** The absolute URL of a path such as {@code /api/products}. */
    public String url(String path) {
        return server.url() + path;
    }

    /** The photo file of the product at {@code ordinal}. */
    public Path photo(int ordinal) {
        Path file = index.imagePath(ordinal);
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalStateException("product " + index.products().id(ordinal) + " has no photo");
        }
        return file;
    }

    public HttpResponse<String> get(String path) {
        return client.get(path);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return client.send(request);
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return client.getBytes(path);
    }

    /** An HTTP client for one server's paths, failing the test on an I/O error. */
    public static final class Client implements AutoCloseable {

        private final String base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        /** @param base the server's address, e.g. http://127.0.0.1:1234 */
        public Client(String base) {
            this.base = base;
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        public HttpResponse<String> send(HttpRequest request) {
            return send(request, HttpResponse.BodyHandlers.ofString());
        }

        public HttpResponse<byte[]> getBytes(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
            try {
                return http.send(request, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            // java.net.http.HttpClient of Java 17 has nothing to close; its threads are daemons
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

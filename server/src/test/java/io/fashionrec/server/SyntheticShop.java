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
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SyntheticShop(Path catalog, ProductIndex index, RecommendationServer server) {
        this.catalog = catalog;
        this.index = index;
        this.server = server;
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
                    .optPhotoEncoder(ClassicImageEncoder::new)).build().start();
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
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

package io.fashionrec.server;

import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.vectors.SearchKind;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.nio.file.Path;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP server: the JSON API over one index and the shop web page. Build it with
 * {@link #builder(ProductIndex)}, {@link #start()} it, {@link #close()} it. Defaults are safe for
 * a laptop: loopback only, 10 MB uploads, 40 megapixel photos, 30 s idle timeout, no CORS.
 */
public final class RecommendationServer implements AutoCloseable {

    static final String WEB = "/io/fashionrec/server/web";

    /** The most concurrent {@code similar} requests answered by one scan. */
    public static final int MAX_SIMILAR_BATCH = SearchQueue.MAX_BATCH;

    private final Builder settings;
    private final LiveIndex live;
    private final PhotoEncoders encoders;
    private final SearchQueue searches;
    private final List<String> routes = new ArrayList<>();
    private final Javalin app;

    private RecommendationServer(Builder b) {
        this.settings = b;
        this.live = b.watched == null ? new LiveIndex(b.index, b.search) : new LiveIndex(b.index, b.search, b.watched, b.pollEvery);
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(b.maxPixels, b.maxUploadBytes));
        this.encoders = new PhotoEncoders(b.photoEncoder);
        this.searches = new SearchQueue(b.searchThreads, b.searchTimeout);
        byte[] page = resource(WEB + "/index.html");
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = b.maxUploadBytes;
            config.jetty.multipartConfig.maxFileSize(b.maxUploadBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(b.maxUploadBytes + 64 * 1024, SizeUnit.BYTES);
            config.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(b.host);
                connector.setPort(b.port);
                connector.setIdleTimeout(b.idleTimeout.toMillis());
                return connector;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = WEB;
                files.location = Location.CLASSPATH;
            });
            if (!b.corsOrigins.isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> b.corsOrigins.forEach(rule::allowHost)));
            }
        });
        ProductRoutes products = new ProductRoutes(live, searches);
        ImageRoutes images = new ImageRoutes(live, decoder);
        route(HandlerType.GET, "/api/products", products::list);
        route(HandlerType.GET, "/api/products/{id}", products::one);
        route(HandlerType.GET, "/api/products/{id}/similar", products::similar);
        route(HandlerType.POST, "/api/search", new SearchRoute(live, encoders, decoder, b.maxUploadBytes, searches)::search);
        route(HandlerType.POST, "/api/recommend", new RecommendRoute(live, searches)::recommend);
        route(HandlerType.GET, "/images/{id}", images::image);
        route(HandlerType.GET, "/health", ctx -> {
            ProductIndex served = live.current().index;
            Json.send(ctx, Json.object().put("status", "ok").put("products", served.size())
                    .put("search", live.current().recommender.searchKind().label())
                    .put("imageEncoder", served.imageEncoder().label()).put("reloads", live.reloads()));
        });
        byte[] openApi = resource(WEB + "/openapi.json");
        route(HandlerType.GET, "/api/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
        Handler shopPage = ctx -> ctx.contentType("text/html; charset=utf-8").result(page);
        app.get("/", shopPage);
        app.get("/product/{id}", shopPage);
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'");
        });
        ErrorResponses.install(app);
    }

    private void route(HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
        routes.add(method + " " + path);
    }

    private static byte[] resource(String name) {
        try (InputStream in = RecommendationServer.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, "missing resource " + name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    public static Builder builder(ProductIndex index) {
        return new Builder(index);
    }

    /**
     * Starts listening; returns this server.
     *
     * @throws ServerStartException when the address cannot be bound (the port is taken, the host
     *                              is not this machine's)
     */
    public RecommendationServer start() {
        try {
            app.start();
        } catch (JavalinBindException e) {
            throw new ServerStartException("cannot listen on " + settings.host + ":" + settings.port
                    + " (" + e.getMessage() + "); choose another port with --port, or stop what is using it", e);
        }
        return this;
    }

    /** The port listened on (the one chosen by the system when built with port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port}, the address to open. */
    public String url() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port();
    }

    /** How the index now served is searched: exact or approximate. */
    public SearchKind searchKind() {
        return live.current().recommender.searchKind();
    }

    /** The API's routes as {@code "GET /api/products/{id}"}, in registration order. */
    public List<String> apiRoutes() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        app.stop();
        live.close();
        searches.close();
        encoders.close();
    }

    /** Settings of a server; every {@code opt...} has a safe default. */
    public static final class Builder {

        private final ProductIndex index;
        private String host = "127.0.0.1";
        private int port = 8080;
        private Function<ProductIndex, ImageEncoder> photoEncoder = index -> {
            throw new IllegalStateException("this server was started without an image encoder");
        };
        private Path watched;
        private Duration pollEvery = Duration.ofSeconds(2);
        private long maxUploadBytes = 10L * 1024 * 1024;
        private long maxPixels = ImageLimits.DEFAULT.maxPixels();
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration searchTimeout = Duration.ofSeconds(10);
        private List<String> corsOrigins = List.of();
        private int searchThreads = Runtime.getRuntime().availableProcessors();
        private SearchKind search = SearchKind.EXACT;

        private Builder(ProductIndex index) {
            this.index = Objects.requireNonNull(index, "index");
        }

        /** The address to bind (default 127.0.0.1: only this machine); 0.0.0.0 serves every interface. */
        public Builder optHost(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 8080); 0 picks a free one, see {@link #port()}. */
        public Builder optPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Opens the encoder for photo searches over an index, on the first one; it must make
         * vectors comparable with that index's (the same model) and may throw a message saying
         * why it cannot.
         */
        public Builder optPhotoEncoder(Function<ProductIndex, ImageEncoder> opener) {
            this.photoEncoder = Objects.requireNonNull(opener, "opener");
            return this;
        }

        /** The largest photo upload, in bytes (default 10 MB). */
        public Builder optMaxUploadBytes(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the upload limit must be between 1 and " + (Integer.MAX_VALUE - 8) + " bytes, got " + bytes);
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /** The most pixels a photo may declare before it is decoded (default 40,000,000). */
        public Builder optMaxPixels(long pixels) {
            this.maxPixels = pixels;
            return this;
        }

        /** How long a connection may stay silent, mid-request included (default 30 s). */
        public Builder optIdleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Serve each new generation of the index in {@code directory} (where {@code index} was
         * read from) once it is committed, checking every {@code every}: {@code fashionrec index}
         * on a changed catalog updates a running server without a restart. Default: off.
         */
        public Builder optWatch(Path directory, Duration every) {
            this.watched = Objects.requireNonNull(directory, "directory");
            this.pollEvery = Objects.requireNonNull(every, "every");
            return this;
        }

        /**
         * How searches find products (default exact): {@code approximate} walks an HNSW graph of
         * the index's dense vectors, built when the index is loaded, and scores its candidates
         * exactly; {@code auto} does so for large indexes only. See {@link Recommender#Recommender(ProductIndex, SearchKind)}.
         */
        public Builder optSearch(SearchKind kind) {
            this.search = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** How long a search may wait and run before it is answered 503 (default 10 s). */
        public Builder optSearchTimeout(Duration timeout) {
            this.searchTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Origins allowed to call the API from other sites' pages (default none: CORS off). */
        public Builder optCorsOrigins(List<String> origins) {
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /**
         * How many searches run at once (default: one per processor); more requests wait in a
         * first-come first-served queue, where {@code similar} requests waiting together are
         * answered by one scan. See {@link SearchQueue}.
         */
        public Builder optSearchThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("search threads must be at least 1, got " + threads);
            }
            this.searchThreads = threads;
            return this;
        }

        public RecommendationServer build() {
            new ImageLimits(maxPixels, maxUploadBytes); // validates the pixel limit with its own message
            return new RecommendationServer(this);
        }
    }
}

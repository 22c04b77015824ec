package io.fashionrec.cli;

import io.fashionrec.index.ProductIndex;
import io.fashionrec.server.RecommendationServer;
import io.fashionrec.vectors.SearchKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve an index: the shop web page and the JSON API (see /api/openapi.json).",
            "Runs until stopped (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Mixin
    IndexOption index;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        server.serve(index.open(), index.dir, streams);
        return ExitCodes.OK;
    }

    /** Mixin: where and how to serve, shared by {@code serve} and {@code demo}. */
    static final class ServerOptions {

        /** How often the server looks for a new generation of its index. */
        static final Duration INDEX_POLL = Duration.ofSeconds(2);

        @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
                description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
        String host;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        int port;

        @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "10", description = "Largest photo upload, in MB (default: ${DEFAULT-VALUE}).")
        int maxUploadMb;

        @Option(names = "--search", paramLabel = "KIND", defaultValue = "auto",
                description = "exact (every product scored), approximate (the HNSW graph of the dense vectors that the index holds, or "
                        + "one built at start when it holds none, finds candidates that are then scored exactly) or auto (approximate for large indexes). Default: ${DEFAULT-VALUE}.")
        String search;

        @Option(names = "--cors-origin", paramLabel = "URL",
                description = "An origin whose pages may call the API, e.g. https://shop.example (repeatable; default: none, CORS off).")
        List<String> corsOrigins = new ArrayList<>();

        /**
         * Serves {@code index}, read from {@code directory}, until the JVM is stopped or this
         * thread interrupted; each new generation written there is served once committed, and
         * photo searches use the index's own model.
         */
        void serve(ProductIndex index, Path directory, Streams streams) throws InterruptedException {
            if (port < 0 || port > 65535) {
                throw new BadOptionException("--port must be between 0 and 65535, got " + port);
            }
            if (maxUploadMb < 1 || maxUploadMb > 1024) {
                throw new BadOptionException("--max-upload-mb must be between 1 and 1024, got " + maxUploadMb);
            }
            SearchKind kind = SearchKinds.parse(search);
            RecommendationServer running = RecommendationServer.builder(index).optHost(host).optPort(port).optSearch(kind)
                    .optMaxUploadBytes(maxUploadMb * 1024L * 1024L).optCorsOrigins(corsOrigins)
                    .optPhotoEncoder(ImageModels::forIndex).optWatch(directory, INDEX_POLL).build().start();
            Thread stop = new Thread(running::close, "fashionrec-server-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            streams.out().println("serving " + index.size() + " products (" + running.searchKind().label() + " search) at " + running.url() + "/  (API: " + running.url()
                    + "/api/openapi.json; Ctrl-C stops)");
            streams.out().flush();
            try {
                Thread.currentThread().join(); // until Ctrl-C, or an embedder interrupts this thread
            } finally {
                running.close();
                Runtime.getRuntime().removeShutdownHook(stop);
            }
        }
    }
}

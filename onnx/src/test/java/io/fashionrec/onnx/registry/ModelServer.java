package io.fashionrec.onnx.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on a free loopback port whose paths behave as a test sets them up: serve a
 * file (with or without Range support), cut or stall the connection mid-file, answer with a status,
 * or redirect. Unknown paths answer 404. Records every request's path and Range header.
 */
final class ModelServer implements AutoCloseable {

    /** A request as the server saw it; {@code range} is null when none was sent. */
    record Request(String path, String range) {
    }

    private interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    ModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server's root, ending with '/'. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI url(String path) {
        return base().resolve(path);
    }

    /** Serves {@code body} at {@code path}, honouring {@code Range: bytes=N-} with a 206. */
    void serve(String path, byte[] body) {
        routes.put("/" + path, exchange -> {
            long from = rangeStart(exchange);
            if (from >= body.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            if (from > 0) {
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                exchange.sendResponseHeaders(206, body.length - from);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, (int) from, (int) (body.length - from));
            }
        });
    }

    /** Serves {@code body} at {@code path} with a 200 whatever the Range header says. */
    void serveIgnoringRange(String path, byte[] body) {
        routes.put("/" + path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** Announces all of {@code body} at {@code path}, sends its first {@code sent} bytes, then drops the connection. */
    void cutAfter(String path, byte[] body, int sent) {
        routes.put("/" + path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, sent);
            out.flush();
            // An exception out of a handler makes the JDK server close the connection.
            throw new IOException("connection cut on purpose by the test");
        });
    }

    /** Announces all of {@code body} at {@code path}, sends its first {@code sent} bytes, then sends nothing until {@link #close()}. */
    void stallAfter(String path, byte[] body, int sent) {
        routes.put("/" + path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, sent);
            out.flush();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    /** Answers {@code path} with {@code status} and no body. */
    void status(String path, int status) {
        routes.put("/" + path, exchange -> exchange.sendResponseHeaders(status, -1));
    }

    /** Redirects {@code path} to {@code location} (as written in the Location header) with a 302. */
    void redirect(String path, String location) {
        routes.put("/" + path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        synchronized (this) {
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Range")));
        }
        Route route = routes.get(path);
        if (route == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            route.answer(exchange);
        }
        exchange.close();
    }

    private static long rangeStart(HttpExchange exchange) {
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range == null) {
            return 0;
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException("the test server only understands 'bytes=N-', got " + range);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

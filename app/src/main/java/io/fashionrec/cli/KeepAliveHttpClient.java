package io.fashionrec.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 GET client over one keep-alive connection, for load tests: it costs the
 * machine far less per request than a general client, so the server, not the client, is what
 * is measured. Responses must carry a Content-Length (the fashionrec server always sends one).
 * Not thread-safe: one per load thread.
 */
final class KeepAliveHttpClient implements ClosedLoop.Client {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final java.util.function.IntFunction<String> paths;
    private final byte[] buffer = new byte[64 * 1024];

    /** @param paths the path of request n, e.g. {@code /api/products/15970/similar?k=10} */
    KeepAliveHttpClient(String host, int port, java.util.function.IntFunction<String> paths) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.host = host + ":" + port;
        this.paths = paths;
    }

    /** Sends request {@code n}; true when it is answered 200 with a whole body. */
    @Override
    public boolean request(int n) throws IOException {
        out.write(("GET " + paths.apply(n) + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String status = line();
        long length = -1;
        boolean close = false;
        for (String header; !(header = line()).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (length < 0) {
            throw new IOException("a response without Content-Length to " + paths.apply(n) + ": " + status);
        }
        for (long left = length; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the connection closed in the middle of a response");
            }
            left -= read;
        }
        if (close) {
            throw new IOException("the server closed the connection after " + paths.apply(n));
        }
        return status.startsWith("HTTP/1.1 200");
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

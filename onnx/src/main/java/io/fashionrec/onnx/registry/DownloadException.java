package io.fashionrec.onnx.registry;

import java.io.IOException;

/**
 * A download failed. The message is one sentence naming the URL, saying what went wrong and
 * whether the bytes received so far were kept for the next attempt to resume or discarded.
 */
public class DownloadException extends IOException {

    private final int status;

    DownloadException(String message, int status) {
        super(message);
        this.status = status;
    }

    DownloadException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status that failed the download (404, 503, ...), or 0 if the failure was not an HTTP status. */
    public int status() {
        return status;
    }
}

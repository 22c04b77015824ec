package io.fashionrec.index;

/**
 * A build stopped because it is larger than its {@link BuildLimits} allow; nothing was written.
 * The message says what was too large, e.g. "2,222 new or changed photos to embed, more than 1,000".
 */
public final class BuildTooLargeException extends RuntimeException {

    BuildTooLargeException(String message) {
        super(message);
    }
}

package io.fashionrec.onnx.registry;

/**
 * A model cannot be named, found, prepared or used: an invalid name, architecture or preset, a
 * model that is neither registered nor known, or a damaged cache entry. The message is one
 * sentence naming the bad value and saying what to do; it is meant to be shown as it is, without a
 * stack trace.
 */
public class ModelRegistryException extends RuntimeException {

    public ModelRegistryException(String message) {
        super(message);
    }

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}

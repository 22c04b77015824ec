package io.fashionrec.onnx;

/** A model file that cannot be used as an image encoder; the message says why and what to do. */
public class OnnxModelException extends RuntimeException {

    public OnnxModelException(String message) {
        super(message);
    }

    public OnnxModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

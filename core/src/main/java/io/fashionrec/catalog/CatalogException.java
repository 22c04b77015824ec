package io.fashionrec.catalog;

/** A catalog that cannot be read at all; the message is one sentence saying why and what to do. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}

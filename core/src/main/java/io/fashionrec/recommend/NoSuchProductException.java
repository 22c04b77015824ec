package io.fashionrec.recommend;

/** A query named a product id the index does not hold. */
public class NoSuchProductException extends RuntimeException {

    private final String id;

    public NoSuchProductException(String id, int indexSize, String exampleId) {
        super("no product with id '" + id + "' in this index of " + indexSize + " products"
                + (exampleId == null ? "" : " (ids look like '" + exampleId + "')"));
        this.id = id;
    }

    public String id() {
        return id;
    }
}

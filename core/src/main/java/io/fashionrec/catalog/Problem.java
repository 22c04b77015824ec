package io.fashionrec.catalog;

/**
 * One reported problem.
 *
 * @param kind      what went wrong
 * @param where     the file and line it was found at
 * @param productId the product concerned, or null if the line had no usable id
 * @param reason    one human sentence: what was wrong and what was done about it
 */
public record Problem(ProblemKind kind, SourceLocation where, String productId, String reason) {

    @Override
    public String toString() {
        return where + ": " + reason;
    }
}

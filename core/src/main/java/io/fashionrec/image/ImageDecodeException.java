package io.fashionrec.image;

import io.fashionrec.catalog.ProblemKind;
import java.util.Objects;

/**
 * An image that cannot be used, with the {@link ProblemKind} to report and a one-sentence reason
 * naming the file and what was wrong with it, e.g. {@code images/123.jpg declares 100000x100000
 * pixels, over the limit of 40000000}. What follows from it (a catalog product kept without its
 * photo, a query refused) is for the caller to add.
 */
public final class ImageDecodeException extends Exception {

    private final ProblemKind kind;

    /**
     * @param kind   one of {@link ProblemKind#IMAGE_MISSING}, {@link ProblemKind#IMAGE_EMPTY},
     *               {@link ProblemKind#IMAGE_UNREADABLE} or {@link ProblemKind#IMAGE_TOO_LARGE}
     * @param reason the sentence for the problem report
     */
    public ImageDecodeException(ProblemKind kind, String reason) {
        super(Objects.requireNonNull(reason, "reason"));
        this.kind = Objects.requireNonNull(kind, "kind");
        if (!kind.name().startsWith("IMAGE_")) {
            throw new IllegalArgumentException("an image problem must have an IMAGE_* kind, got " + kind);
        }
    }

    /** What went wrong, for the problem report. */
    public ProblemKind kind() {
        return kind;
    }
}

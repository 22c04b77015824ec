package io.fashionrec.catalog;

/**
 * What went wrong with one product or one line while reading a catalog or decoding its images.
 * Each kind says what was done about it: products are kept with the modalities that are usable,
 * and nothing is dropped without a report.
 */
public enum ProblemKind {
    /** A CSV row had more fields than the header; the extra fields were joined back into the name. */
    EXTRA_FIELDS_JOINED,
    /** A CSV row had fewer fields than the header; the missing attributes are left empty. */
    MISSING_FIELDS,
    /** A row or record without an id; it cannot be indexed and was skipped. */
    MISSING_ID,
    /** An id seen before; the later product was skipped, the first one kept. */
    DUPLICATE_ID,
    /** A product with an empty name; it is kept and matched by its image only. */
    EMPTY_NAME,
    /** Bytes that are not valid UTF-8; the line was decoded as Windows-1252 instead. */
    INVALID_ENCODING,
    /** A line that could not be parsed at all (malformed JSON, unterminated quote); it was skipped. */
    MALFORMED_RECORD,
    /** The product's image file does not exist; the product is kept with its text only. */
    IMAGE_MISSING,
    /** The image file is empty (zero bytes); the product is kept with its text only. */
    IMAGE_EMPTY,
    /** The image could not be decoded (truncated, corrupt or an unsupported format); text only. */
    IMAGE_UNREADABLE,
    /** The image declares more pixels than the decoding limit (a decompression bomb); text only. */
    IMAGE_TOO_LARGE
}

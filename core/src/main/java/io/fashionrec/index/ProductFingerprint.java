package io.fashionrec.index;

import io.fashionrec.catalog.Product;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of everything the index keeps about one product, so that the next build over the same
 * index can tell which products changed.
 *
 * <p>Version 1: the SHA-256, as 64 lowercase hex digits, of these fields in order, each written as
 * its length (4 bytes, big-endian) followed by its bytes: the id, the name, the description, the
 * image path as the index stores it (relative to the catalog root; empty when none), then for
 * each attribute of the catalog, in the catalog's column order, its name and its value (empty
 * when the product has none), and last the SHA-256 of the photo file's bytes (empty when the
 * product has no photo or it could not be read). Strings are UTF-8. Lengths make the encoding
 * unambiguous: moving text from the name into the description changes the digest.
 *
 * <p>Stateless and thread-safe.
 */
final class ProductFingerprint {

    /** Bump when the digested fields or their encoding change: older fingerprints then count as unknown. */
    static final int VERSION = 1;

    private ProductFingerprint() {
    }

    /**
     * @param product        the product as the catalog gave it
     * @param image          its image path as the index stores it, or empty
     * @param attributeNames the catalog's attribute columns, in order
     * @param photoSha256    the SHA-256 of its photo file's bytes, or null when there is none
     */
    static String of(Product product, String image, List<String> attributeNames, byte[] photoSha256) {
        MessageDigest digest = sha256();
        add(digest, product.id());
        add(digest, product.name());
        add(digest, product.description());
        add(digest, image);
        for (String attribute : attributeNames) {
            String value = product.attribute(attribute);
            add(digest, attribute);
            add(digest, value == null ? "" : value);
        }
        add(digest, photoSha256 == null ? new byte[0] : photoSha256);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String field) {
        add(digest, field.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(MessageDigest digest, byte[] field) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
        digest.update(field);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}

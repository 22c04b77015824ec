package io.fashionrec.onnx.registry;

/**
 * One line of {@code models list}: a model in the cache, or a known model that can be pulled.
 *
 * @param name    the model name
 * @param status  whether it is ready, damaged or only available to pull
 * @param entry   its cache entry; null when {@link Status#AVAILABLE}, and when {@link Status#DAMAGED}
 *                because the entry itself cannot be read
 * @param known   the known model of this name, or null for an imported model
 * @param problem for {@link Status#DAMAGED}, a sentence saying what is wrong and what to do; else empty
 */
public record ModelListing(String name, Status status, CacheEntry entry, KnownModel known, String problem) {

    /** The state of a listed model. */
    public enum Status {
        /** In the cache, and its model file matches its entry. */
        READY,
        /** In the cache, but its model file or entry is missing or does not match; it must be pulled or imported again. */
        DAMAGED,
        /** A known model not in the cache yet: {@code pull} fetches it. */
        AVAILABLE
    }
}

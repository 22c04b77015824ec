package io.fashionrec.cli;

import io.fashionrec.catalog.CatalogException;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.index.store.IndexFormatException;
import io.fashionrec.onnx.OnnxModelException;
import io.fashionrec.onnx.registry.ModelRegistryException;
import io.fashionrec.recommend.NoSuchProductException;
import io.fashionrec.server.ServerStartException;

/** Exception types whose message is already a sentence written for the person at the terminal. */
final class UserFacing {

    private UserFacing() {
    }

    static boolean is(Throwable t) {
        return t instanceof CommandFailure || t instanceof CatalogException || t instanceof NoSuchProductException
                || t instanceof IndexFormatException || t instanceof ImageDecodeException || t instanceof OnnxModelException
                || t instanceof ModelRegistryException || t instanceof ServerStartException;
    }
}

package io.fashionrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the command line's model registry at a new temporary directory for each test, and its
 * download address back at the default afterwards, so that no test reads or writes the user's
 * {@code ~/.cache/fashionrec/models}. Tests in one JVM run one at a time (the build runs no
 * parallel tests), as the registry's settings are system properties.
 */
final class TemporaryModelCache implements BeforeEachCallback, AfterEachCallback {

    /** The cache directory of the running test (it need not exist yet). */
    static Path directory() {
        return Path.of(System.getProperty(Registries.MODELS_PROPERTY));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        System.setProperty(Registries.MODELS_PROPERTY, Files.createTempDirectory("fashionrec-models").resolve("models").toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Path dir = directory().getParent();
        System.clearProperty(Registries.MODELS_PROPERTY);
        System.clearProperty(Registries.BASE_URL_PROPERTY);
        PeerOptions.deleteScratch(dir);
    }
}

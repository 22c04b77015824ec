package io.fashionrec.cli;

import io.fashionrec.onnx.registry.KnownModels;
import io.fashionrec.onnx.registry.ModelCache;
import io.fashionrec.onnx.registry.ModelDownloader;
import io.fashionrec.onnx.registry.ModelRegistry;
import io.fashionrec.onnx.surgery.SurgeryPreparer;
import java.net.URI;
import java.nio.file.Path;

/**
 * The model registry as the command line sees it: the cache in {@code FASHIONREC_MODELS} (default
 * {@code ~/.cache/fashionrec/models}), downloads from {@code FASHIONREC_MODEL_BASE_URL} (default
 * the ONNX Model Zoo), and graph surgery to prepare what is downloaded or imported. The Java system
 * properties {@code fashionrec.models} and {@code fashionrec.modelBaseUrl} go over the environment,
 * for embedders and tests, which cannot change the environment of a running JVM.
 */
final class Registries {

    static final String MODELS_PROPERTY = "fashionrec.models";
    static final String BASE_URL_PROPERTY = "fashionrec.modelBaseUrl";

    private Registries() {
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(variable);
    }

    static ModelRegistry open() {
        String dir = setting(MODELS_PROPERTY, "FASHIONREC_MODELS");
        String base = setting(BASE_URL_PROPERTY, "FASHIONREC_MODEL_BASE_URL");
        ModelCache cache = new ModelCache(dir != null && !dir.isBlank() ? Path.of(dir) : ModelCache.defaultDirectory(), KnownModels.ONNX_MODEL_ZOO);
        return new ModelRegistry(cache, base != null && !base.isBlank() ? URI.create(base) : KnownModels.ONNX_MODEL_ZOO_URL,
                new ModelDownloader(), new SurgeryPreparer());
    }
}

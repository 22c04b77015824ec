package io.fashionrec.cli;

import io.fashionrec.onnx.registry.CacheEntry;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The CNN models fashionrec can use: list them, pull a known one, or import a .onnx file.",
            "Models live in ~/.cache/fashionrec/models (FASHIONREC_MODELS to change); pulls come from the ONNX Model Zoo",
            "(FASHIONREC_MODEL_BASE_URL to change). A whole classifier is cut into a global-max-pooled feature extractor."},
        subcommands = {ModelsListCommand.class, ModelsPullCommand.class, ModelsImportCommand.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One line on a model just stored: name, state, arch, preset, size, hash and what preparation did. */
    static String describe(CacheEntry entry, String state) {
        return String.format(Locale.ROOT, "%s %s (%s, preset %s, %.1f MB, sha256 %s): %s", entry.name(), state, entry.arch().id(),
                entry.preset().id(), entry.size() / 1e6, entry.sha256().substring(0, 12), entry.preparation());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say list, pull NAME or import FILE --arch ARCH");
    }
}

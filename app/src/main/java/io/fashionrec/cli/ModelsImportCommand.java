package io.fashionrec.cli;

import io.fashionrec.onnx.registry.CacheEntry;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Register a local .onnx file under a name, cutting a whole classifier into a feature extractor, so --image-model NAME works.")
final class ModelsImportCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Parameters(paramLabel = "FILE", description = "The .onnx file.")
    Path file;

    @Option(names = "--arch", paramLabel = "ARCH", required = true, description = "densenet121 or vgg16.")
    String arch;

    @Option(names = "--name", paramLabel = "NAME", description = "The name to register (default: the file's stem).")
    String name;

    @Option(names = "--preset", paramLabel = "P", description = "torch (default), caffe or keras-torch.")
    String preset;

    @Override
    public Integer call() throws Exception {
        CacheEntry entry = Registries.open().importFile(file, arch, name, preset);
        streams.out().printf(Locale.ROOT, "%s registered (%s, preset %s, %.1f MB, sha256 %s): %s%n", entry.name(), entry.arch().id(),
                entry.preset().id(), entry.size() / 1e6, entry.sha256().substring(0, 12), entry.preparation());
        streams.out().flush();
        return ExitCodes.OK;
    }
}

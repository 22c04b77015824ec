package io.fashionrec.cli;

import io.fashionrec.onnx.registry.CacheEntry;
import java.nio.file.Path;
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
        streams.out().println(ModelsCommand.describe(entry, "registered"));
        streams.out().flush();
        return ExitCodes.OK;
    }
}

package io.fashionrec.cli;

import io.fashionrec.onnx.registry.CacheEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Download a known model (densenet121, vgg16, vgg16-int8), check its size and SHA-256, and prepare it.",
            "An interrupted download resumes where it stopped."})
final class ModelsPullCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Parameters(paramLabel = "NAME", description = "The model to pull.")
    String name;

    @Override
    public Integer call() throws Exception {
        CacheEntry entry = Registries.open().pull(name, TerminalProgress.forStderr());
        streams.out().println(ModelsCommand.describe(entry, "ready"));
        streams.out().flush();
        return ExitCodes.OK;
    }
}

package io.fashionrec.cli;

import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin: the {@code --index DIR} every query command reads. */
final class IndexOption {

    @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index directory (built by 'fashionrec index').")
    Path dir;

    ProductIndex open() throws IOException {
        return ProductIndexFormat.read(dir);
    }
}

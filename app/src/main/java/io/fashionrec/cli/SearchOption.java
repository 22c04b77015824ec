package io.fashionrec.cli;

import io.fashionrec.vectors.SearchKind;
import picocli.CommandLine.Option;

/** The {@code --search} option of the one-query commands ({@code similar}, {@code search}). */
final class SearchOption {

    @Option(names = "--search", paramLabel = "KIND", defaultValue = "exact",
            description = "exact (every product scored), approximate (the HNSW graph the index holds finds candidates that are then "
                    + "scored exactly; an index without one builds it first, which takes longer than one exact search) or auto "
                    + "(approximate for large indexes, which `index` gives a graph). Default: ${DEFAULT-VALUE}.")
    String search;

    SearchKind kind() {
        return SearchKinds.parse(search);
    }
}

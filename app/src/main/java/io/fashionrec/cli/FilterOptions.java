package io.fashionrec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Mixin: attribute filters applied during the search. */
final class FilterOptions {

    @Option(names = "--same", paramLabel = "ATTR", split = ",",
            description = "Only products whose ATTR equals the query product's, e.g. --same gender,articleType.")
    List<String> same = new ArrayList<>();

    @Option(names = "--where", paramLabel = "ATTR=VALUE",
            description = "Only products with ATTR equal to VALUE (ignoring case); repeatable, e.g. --where usage=Casual.")
    Map<String, String> where = new LinkedHashMap<>();
}

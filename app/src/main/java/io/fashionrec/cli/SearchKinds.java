package io.fashionrec.cli;

import io.fashionrec.vectors.SearchKind;

/** The {@code --search exact|approximate|auto} value of the commands that search. */
final class SearchKinds {

    private SearchKinds() {
    }

    /** The kind a {@code --search} value names, or a usage error listing the three. */
    static SearchKind parse(String value) {
        try {
            return SearchKind.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("--search: " + e.getMessage());
        }
    }
}

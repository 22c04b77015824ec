package io.fashionrec.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Invented brand names for synthetic products. They are made up for this project so that demo
 * catalogs never imply anything about real companies.
 */
final class Brands {

    private static final List<String> NAMES = List.of(
            "Northwind", "Bluefield", "Marlowe", "Copperleaf", "Urban Fable", "Kestrel Row", "Saltmarsh",
            "Ivory Lane", "Redwood Row", "Tidewater", "Fernhill", "Larkspur", "Oakhaven", "Quillon",
            "Stonebridge", "Verano Vale", "Wrenfield", "Ashgrove", "Moonrise", "Pebble Street",
            "Halcyon Thread", "Brightwater", "Juniper Road", "Silverthread", "Amberly", "Cobalt Bay");

    private Brands() {
    }

    /** One brand name, uniformly. */
    static String pick(Random random) {
        return NAMES.get(random.nextInt(NAMES.size()));
    }
}

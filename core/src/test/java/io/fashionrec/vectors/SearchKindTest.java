package io.fashionrec.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SearchKindTest {

    @Test
    void autoWalksAGraphOnlyAboveTheThreshold() {
        assertEquals(SearchKind.EXACT, SearchKind.AUTO.resolve(10_000, 512));
        assertEquals(SearchKind.EXACT, SearchKind.AUTO.resolve(15_000, 512));
        assertEquals(SearchKind.APPROXIMATE, SearchKind.AUTO.resolve(15_001, 512));
        assertEquals(SearchKind.APPROXIMATE, SearchKind.AUTO.resolve(44_446, 1024));
        assertEquals(SearchKind.EXACT, SearchKind.AUTO.resolve(60_000, 64), "few floats per row: still cheap to scan");
        assertEquals(SearchKind.EXACT, SearchKind.EXACT.resolve(1_000_000, 512));
        assertEquals(SearchKind.APPROXIMATE, SearchKind.APPROXIMATE.resolve(10, 4));
    }

    @Test
    void labelsParseIgnoringCaseAndUnknownOnesNameTheChoices() {
        assertEquals(SearchKind.APPROXIMATE, SearchKind.parse(" Approximate "));
        assertEquals("auto", SearchKind.AUTO.label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchKind.parse("hnsw"));
        assertEquals("unknown search 'hnsw': expected exact, approximate or auto", e.getMessage());
    }
}

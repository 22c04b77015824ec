package io.fashionrec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AttributeMap} behaves as the unmodifiable, ordered map that {@link Product#attributes} promises. */
class AttributeMapTest {

    @Test
    void actsAsAnOrderedUnmodifiableMap() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("gender", "Men");
        expected.put("articleType", "Shirts");
        expected.put("baseColour", "");
        AttributeMap map = new AttributeMap(new String[] {"gender", "articleType", "baseColour"}, new String[] {"Men", "Shirts", ""});

        assertEquals(expected, map);
        assertEquals(map, expected);
        assertEquals(expected.hashCode(), map.hashCode());
        assertEquals(expected.toString(), map.toString());
        assertEquals(List.of("gender", "articleType", "baseColour"), new ArrayList<>(map.keySet()), "source order");
        assertEquals("Shirts", map.get("articleType"));
        assertEquals("", map.get("baseColour"));
        assertNull(map.get("season"));
        assertTrue(map.containsKey("gender"));
        assertFalse(map.containsKey("Men"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("season", "Summer"));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue("Women"));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().remove());

        assertEquals(expected, AttributeMap.copyOf(expected));
        assertEquals(List.of("gender", "articleType", "baseColour"), new ArrayList<>(AttributeMap.copyOf(expected).keySet()));
        assertSame(map, AttributeMap.copyOf(map), "an attribute map is not copied again");
        assertThrows(IllegalArgumentException.class, () -> new AttributeMap(new String[] {"a"}, new String[0]));
    }
}

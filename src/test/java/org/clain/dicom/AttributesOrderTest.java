package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Elements kept by tag in ascending unsigned order, whatever order they are put in. */
class AttributesOrderTest {
    @Test
    void randomPutsMatchASortedMapInUnsignedOrder() {
        Random rnd = new Random(5);
        for (int round = 0; round < 50; round++) {
            Attributes a = new Attributes();
            TreeMap<Integer, Element> expected = new TreeMap<>(Integer::compareUnsigned);
            int n = rnd.nextInt(300);
            for (int k = 0; k < n; k++) {
                // groups above 0x7FFF are negative ints: (7FE0,0010), (FFFE,E000), private 0x8001...
                int tag = rnd.nextInt(4) == 0 ? 0x7FE00010 + rnd.nextInt(3) * 0x10000000 : rnd.nextInt();
                Element e = new Element(tag, VR.OB, new byte[] {(byte) k}, null, null, k);
                a.put(e);
                expected.put(tag, e);
            }
            assertEquals(expected.size(), a.size());
            List<Element> got = new ArrayList<>(a.elements());
            assertEquals(new ArrayList<>(expected.values()), got);
            for (var entry : expected.entrySet()) {
                assertSame(entry.getValue(), a.get(entry.getKey()));
                assertTrue(a.contains(entry.getKey()));
            }
            for (int k = 0; k < 100; k++) {
                int tag = rnd.nextInt();
                if (!expected.containsKey(tag)) {
                    assertNull(a.get(tag));
                    assertFalse(a.contains(tag));
                }
            }
        }
    }

    @Test
    void appendedInFileOrderAndReplacedInPlace() {
        Attributes a = new Attributes();
        List<Integer> tags = new ArrayList<>(List.of(0x00080016, 0x00100010, 0x00280010, 0x7FE00010, 0xFFFAFFFA));
        for (int t : tags) {
            a.put(new Element(t, VR.OB, new byte[0], null, null, 0));
        }
        Element replacement = new Element(0x00280010, VR.US, new byte[] {1, 0}, null, null, 0);
        a.put(replacement);
        assertEquals(5, a.size());
        assertSame(replacement, a.get(0x00280010));
        List<Integer> order = new ArrayList<>();
        a.elements().forEach(e -> order.add(e.tag()));
        Collections.sort(tags, Integer::compareUnsigned);
        assertEquals(tags, order);
    }
}

package io.jcap.dissect;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded conversation table behind udp.stream and DNS's transaction numbers. */
class FlowTableTest {
    private final FlowKey key = new FlowKey();

    /** The key of 10.0.(n/256).(n%256):1000+n -> 192.0.2.1:53, or the reverse direction. */
    private FlowKey key(int n, boolean reverse) {
        Address a = ipv4(10, 0, n >> 8 & 0xFF, n & 0xFF);
        Address b = ipv4(192, 0, 2, 1);
        return reverse ? key.set(b, 53, a, 1000 + n % 60000) : key.set(a, 1000 + n % 60000, b, 53);
    }

    private static Address ipv4(int a, int b, int c, int d) {
        Address x = new Address();
        x.type = Address.Type.IPV4;
        x.length = 4;
        x.bytes[0] = (byte) a;
        x.bytes[1] = (byte) b;
        x.bytes[2] = (byte) c;
        x.bytes[3] = (byte) d;
        return x;
    }

    @Test
    void bothDirectionsFindTheSameSlotAndEverySlotStaysFindableAsTheTableGrows() {
        FlowTable t = new FlowTable(100_000);
        Map<Integer, Integer> slots = new HashMap<>();
        for (int n = 0; n < 5_000; n++) {
            assertEquals(-1, t.find(key(n, false)), "new conversation " + n);
            slots.put(n, t.add(key(n, false)));
        }
        assertTrue(t.capacity() >= 5_000);
        for (int n = 0; n < 5_000; n++) {
            assertEquals(slots.get(n), t.find(key(n, false)), "conversation " + n);
            assertEquals(slots.get(n), t.find(key(n, true)), "conversation " + n + ", other direction");
        }
    }

    @Test
    void pastTheBoundTheOldestIsForgottenAndTheRestStayFindable() {
        int max = 1_000;
        FlowTable t = new FlowTable(max);
        for (int n = 0; n < 3 * max + 17; n++) {
            t.add(key(n, false));
        }
        assertEquals(max, t.capacity(), "the arrays stop growing at the bound");
        // the last max conversations are kept, the older ones are gone
        for (int n = 0; n < 2 * max + 17; n++) {
            assertEquals(-1, t.find(key(n, false)), "forgotten " + n);
        }
        for (int n = 2 * max + 17; n < 3 * max + 17; n++) {
            assertNotEquals(-1, t.find(key(n, true)), "kept " + n);
        }
    }

    @Test
    void aKeyAddedAgainIsFoundInItsNewSlotAndRecyclingTheOldOneLeavesItFindable() {
        FlowTable t = new FlowTable(3);
        int old = t.add(key(7, false));
        int newer = t.add(key(7, true));
        assertNotEquals(old, newer);
        assertEquals(newer, t.find(key(7, false)), "lookups find the newest conversation of a key");
        t.add(key(8, false));
        // full: the next add recycles the oldest slot, the superseded one, which is no longer indexed
        assertEquals(old, t.add(key(9, false)));
        assertEquals(newer, t.find(key(7, false)));
        assertNotEquals(-1, t.find(key(8, false)));
        assertNotEquals(-1, t.find(key(9, false)));
    }

    @Test
    void clearForgetsEverything() {
        FlowTable t = new FlowTable(10);
        t.add(key(1, false));
        t.clear();
        assertEquals(-1, t.find(key(1, false)));
        assertEquals(0, t.add(key(2, false)), "slots are handed out from the start again");
    }
}

package io.deskpulse.ingestion.service;

/**
 * A set of the most recently added {@link EventIdentity}s, at most {@code capacity} of them: adding to a
 * full window forgets the oldest (FIFO). Kept in primitive arrays (a ring of 128-bit values plus an
 * open-addressing index), about 32 bytes per identity, so half a million identities cost some 16 MB and
 * no garbage per event. Starts small and grows to its capacity. Not thread-safe.
 *
 * <p>Each index cell holds the identity's 32-bit hash beside its ring slot, so that a lookup compares
 * hashes within the index and reads the ring only on a match, and moving cells on removal needs no ring
 * reads either: in a window of half a million, every ring read is a cache miss, and every event looks here.
 */
public final class IdentityWindow {

    private static final int INITIAL_CAPACITY = 1024;

    private final int maxCapacity;
    private long[] highs;
    private long[] lows;
    private int head;
    private int size;
    // index[i] holds (hash << 32) | (ring slot + 1); 0 marks an empty cell. Linear probing, at most half full.
    private long[] index;
    private int mask;

    public IdentityWindow(int maxCapacity) {
        if (maxCapacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + maxCapacity);
        }
        this.maxCapacity = maxCapacity;
        allocate(Math.min(maxCapacity, INITIAL_CAPACITY));
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return maxCapacity;
    }

    public boolean contains(EventIdentity identity) {
        return maxCapacity > 0 && find(identity.high(), identity.low()) >= 0;
    }

    /** Adds the identity unless present; returns whether it was new. A window of capacity 0 remembers nothing. */
    public boolean add(EventIdentity identity) {
        return add(identity.high(), identity.low());
    }

    private boolean add(long high, long low) {
        if (maxCapacity == 0) {
            return true;
        }
        if (find(high, low) >= 0) {
            return false;
        }
        if (size == highs.length && highs.length < maxCapacity) {
            grow();
        }
        int slot;
        if (size == highs.length) {
            slot = head;
            removeFromIndex(slot);
            head = (head + 1) % highs.length;
        } else {
            slot = (head + size) % highs.length;
            size++;
        }
        highs[slot] = high;
        lows[slot] = low;
        insertIntoIndex(slot);
        return true;
    }

    /** Adds this window's identities to another, oldest first, so that the other keeps the newest. */
    public void addAllTo(IdentityWindow target) {
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % highs.length;
            target.add(highs[slot], lows[slot]);
        }
    }

    private int find(long high, long low) {
        int hash = hash(low);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long entry = index[i];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int slot = (int) entry - 1;
                if (lows[slot] == low && highs[slot] == high) {
                    return slot;
                }
            }
        }
    }

    private void insertIntoIndex(int slot) {
        int hash = hash(lows[slot]);
        int i = hash & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = ((long) hash << 32) | (slot + 1);
    }

    // Backward-shift deletion keeps every remaining entry reachable from its home cell without tombstones.
    private void removeFromIndex(int slot) {
        int i = hash(lows[slot]) & mask;
        while ((int) index[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        index[i] = 0;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int k = (int) (index[j] >>> 32) & mask;
            boolean staysPut = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!staysPut) {
                index[i] = index[j];
                index[j] = 0;
                i = j;
            }
        }
    }

    private static int hash(long low) {
        return (int) ((low * 0x9E3779B97F4A7C15L) >>> 32);
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        int oldHead = head;
        int count = size;
        allocate((int) Math.min((long) oldHighs.length * 2, maxCapacity));
        for (int i = 0; i < count; i++) {
            int from = (oldHead + i) % oldHighs.length;
            highs[i] = oldHighs[from];
            lows[i] = oldLows[from];
            insertIntoIndex(i);
        }
        size = count;
    }

    private void allocate(int capacity) {
        highs = new long[Math.max(capacity, 1)];
        lows = new long[Math.max(capacity, 1)];
        head = 0;
        size = 0;
        int cells = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        index = new long[cells];
        mask = cells - 1;
    }
}

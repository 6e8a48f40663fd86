package io.voidvm.nodeagent.runtime.domain;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The most recent {@code capacity} message ids, oldest evicted first. Redeliveries come soon after the
 * original (a rebalance, an agent restart), so a window of recent ids is enough; generations cover the rest.
 * Not thread-safe.
 */
public final class BoundedIdSet {

    private final int capacity;
    private final LinkedHashSet<UUID> ids = new LinkedHashSet<>();

    public BoundedIdSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    public boolean contains(UUID id) {
        return ids.contains(id);
    }

    /** Adds {@code id}; returns false if it was already there. */
    public boolean add(UUID id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            Iterator<UUID> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    public int size() {
        return ids.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Oldest first. */
    public List<UUID> toList() {
        return List.copyOf(ids);
    }
}

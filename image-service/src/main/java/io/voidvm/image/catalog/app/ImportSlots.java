package io.voidvm.image.catalog.app;

import io.voidvm.image.catalog.domain.ImageRefusal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many URL imports run at once, in all and per tenant, on this instance. A slot is taken before the image is
 * registered and given back when its import ends, however it ends; past a limit the import is refused at once
 * ({@link ImageRefusal.ImportsBusy}, 429) rather than queued.
 */
public final class ImportSlots {

    private final int maxRunning;
    private final int maxPerTenant;
    private final Map<String, Integer> byTenant = new HashMap<>();
    private int running;

    public ImportSlots(int maxRunning, int maxPerTenant) {
        if (maxRunning < 1 || maxPerTenant < 1 || maxPerTenant > maxRunning) {
            throw new IllegalArgumentException("import limits must be at least 1, the tenant's within the global one");
        }
        this.maxRunning = maxRunning;
        this.maxPerTenant = maxPerTenant;
    }

    /** A slot for one import of {@code tenant}, or the refusal naming the limit it would pass. */
    public synchronized Slot take(String tenant) {
        int tenantRunning = byTenant.getOrDefault(tenant, 0);
        if (tenantRunning >= maxPerTenant) {
            throw new ImageRefusal.ImportsBusy("tenant", maxPerTenant);
        }
        if (running >= maxRunning) {
            throw new ImageRefusal.ImportsBusy("global", maxRunning);
        }
        running++;
        byTenant.put(tenant, tenantRunning + 1);
        return new Slot(tenant);
    }

    public synchronized int running() {
        return running;
    }

    private synchronized void give(String tenant) {
        running--;
        byTenant.computeIfPresent(tenant, (key, count) -> count > 1 ? count - 1 : null);
    }

    /** One running import's place; giving it back twice counts once. */
    public final class Slot {
        private final String tenant;
        private final AtomicBoolean given = new AtomicBoolean();

        private Slot(String tenant) {
            this.tenant = tenant;
        }

        public void giveBack() {
            if (given.compareAndSet(false, true)) {
                give(tenant);
            }
        }
    }
}

package fwsh.dsl.nv;

import fwsh.base.FwshException;
import fwsh.nv.NvItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a device holds for a set of items: whether each is supported and writable (MNVQC) and its FACTORY, CURRENT
 * and NEXT data with the writers. Read with several RPCs in flight: firmware answers NV commands slowly, and the
 * kernel channels and the emulator take concurrent RPCs (no lock here either).
 */
final class NvState {
    /** One item as read: data null for a mode the device cannot read. */
    record Item(NvItem item, NvRegisters.Support support, byte[] factory, byte[] current, byte[] next, int writer, int currentWriter) {
        boolean supported() {
            return support.read() && next != null;
        }
    }

    static final int DEFAULT_IN_FLIGHT = 32;
    private static final ExecutorService POOL = pool();

    final Map<NvItem, Item> items = new LinkedHashMap<>();

    Item get(NvItem item) {
        return items.get(item);
    }

    private static ExecutorService pool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(DEFAULT_IN_FLIGHT, DEFAULT_IN_FLIGHT, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "fwsh-nv-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /**
     * Reads {@code items}: MNVQC for each, then every mode the device can read of the supported ones ({@code modes}
     * NEXT only, or all three), at most {@code inFlight} RPCs at a time.
     */
    static NvState read(NvRegisters regs, Collection<NvItem> items, boolean allModes, boolean[] readable, int inFlight) {
        List<NvItem> list = new ArrayList<>(items);
        List<NvRegisters.Support> support = run(list.stream().map(i -> (Task<NvRegisters.Support>) () -> regs.support(i)).toList(), inFlight);
        List<Task<NvRegisters.ItemData>> reads = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!support.get(i).read()) continue;
            NvItem item = list.get(i);
            int[] modes = allModes ? new int[]{NvRegisters.NEXT, NvRegisters.CURRENT, NvRegisters.FACTORY} : new int[]{NvRegisters.NEXT};
            for (int m : modes) {
                if (m == NvRegisters.CURRENT && !readable[0] || m == NvRegisters.FACTORY && !readable[1]) continue;
                reads.add(() -> regs.read(item, m));
                where.add(new int[]{i, m});
            }
        }
        List<NvRegisters.ItemData> data = run(reads, inFlight);
        NvRegisters.ItemData[][] byItem = new NvRegisters.ItemData[list.size()][3];
        for (int k = 0; k < data.size(); k++) byItem[where.get(k)[0]][where.get(k)[1]] = data.get(k);
        NvState s = new NvState();
        for (int i = 0; i < list.size(); i++) {
            NvRegisters.ItemData[] d = byItem[i];
            s.items.put(list.get(i), new Item(list.get(i), support.get(i), bytes(d[2]), bytes(d[1]), bytes(d[0]),
                    d[0] == null ? 0 : d[0].writer(), d[1] == null ? 0 : d[1].writer()));
        }
        return s;
    }

    private static byte[] bytes(NvRegisters.ItemData d) {
        return d == null ? null : d.data();
    }

    private interface Task<T> {
        T call();
    }

    /** Runs the tasks, at most {@code inFlight} at once, in order of the results; the first failure is rethrown as is. */
    private static <T> List<T> run(List<Task<T>> tasks, int inFlight) {
        List<T> out = new ArrayList<>(tasks.size());
        if (inFlight <= 1 || tasks.size() <= 1) {
            for (Task<T> t : tasks) out.add(t.call());
            return out;
        }
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(inFlight);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (Task<T> t : tasks) {
                window.acquire();
                futures.add(POOL.submit(() -> {
                    try {
                        return t.call();
                    } finally {
                        window.release();
                    }
                }));
            }
            for (Future<T> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new FwshException("NV read interrupted");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new FwshException("NV read failed: " + e.getCause());
        }
        return out;
    }
}

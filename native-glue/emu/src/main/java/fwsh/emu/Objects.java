package fwsh.emu;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Firmware objects that let the device DMA into user memory: umem regions (from UMEM_REG or
 * CREATE_UMEM), protection domains and memory keys. Concurrent maps, no device-wide lock.
 */
final class Objects {
    record UmemRegion(int id, EmuUmem umem, long va, long len, int uid) {
    }

    /** A memory key: MTT mode over one umem region, or PA mode (any memory of the uid). */
    record Mkey(int key, int uid, int pd, UmemRegion region, long start, long len, boolean pa) {
    }

    final Map<Integer, UmemRegion> umems = new ConcurrentHashMap<>();
    final Map<Integer, Integer> pds = new ConcurrentHashMap<>();
    final Map<Integer, Mkey> mkeys = new ConcurrentHashMap<>();
    final AtomicInteger nextUmemId = new AtomicInteger(1);
    final AtomicInteger nextPd = new AtomicInteger(1);
    final AtomicInteger nextMkeyIndex = new AtomicInteger(0x100);
    /** Objects still held when their handle closed (reclaimed as the kernel destroys the UCTX). */
    final AtomicInteger reclaimedUmems = new AtomicInteger();
    final AtomicInteger reclaimedPds = new AtomicInteger();
    final AtomicInteger reclaimedMkeys = new AtomicInteger();

    /** Writes {@code len} bytes at device address {@code addr} through {@code mkey}. */
    void dmaWrite(int mkey, long addr, byte[] src, int off, int len, String who) {
        Mkey k = mkeys.get(mkey);
        if (k == null) throw FirmwareError.badParam(who + ".unknown_mkey", "mkey 0x" + Integer.toHexString(mkey) + " does not exist");
        UmemRegion r = k.region;
        if (k.pa) {
            r = null;
            for (UmemRegion c : umems.values()) {
                if (c.uid == k.uid && addr >= c.va && addr + len <= c.va + c.len) {
                    r = c;
                    break;
                }
            }
            if (r == null) throw FirmwareError.badParam(who + ".address_unmapped", "address 0x" + Long.toHexString(addr) + " is in no registered memory");
        } else if (addr < k.start || addr + len > k.start + k.len) {
            throw FirmwareError.badParam(who + ".address_outside_mkey", "address range 0x" + Long.toHexString(addr) + "+" + len + " is outside mkey 0x" + Integer.toHexString(mkey));
        }
        if (addr < r.va || addr + len > r.va + r.len) {
            throw FirmwareError.badParam(who + ".address_outside_umem", "address 0x" + Long.toHexString(addr) + " is outside umem " + r.id);
        }
        r.umem.dmaWrite(addr - r.umem.address(), src, off, len);
    }

    /** Bytes available at addr through mkey (for size checks before writing). */
    long room(int mkey, long addr) {
        Mkey k = mkeys.get(mkey);
        if (k == null) return -1;
        if (k.pa) {
            for (UmemRegion c : umems.values()) {
                if (c.uid == k.uid && addr >= c.va && addr < c.va + c.len) return c.va + c.len - addr;
            }
            return -1;
        }
        if (addr < k.start || addr >= k.start + k.len) return -1;
        return k.start + k.len - addr;
    }

    /** Forget everything owned by a uid (handle closed: the kernel destroys the UCTX), counting what was left. */
    void dropUid(int uid) {
        reclaimedMkeys.addAndGet(removeCounting(mkeys, k -> k.uid == uid));
        reclaimedPds.addAndGet(removeCounting(pds, u -> u == uid));
        reclaimedUmems.addAndGet(removeCounting(umems, r -> r.uid == uid));
    }

    private static <V> int removeCounting(Map<Integer, V> m, java.util.function.Predicate<V> which) {
        int n = 0;
        for (Map.Entry<Integer, V> e : m.entrySet()) {
            if (which.test(e.getValue()) && m.remove(e.getKey(), e.getValue())) n++;
        }
        return n;
    }

    static List<Integer> sorted(Map<Integer, ?> m) {
        return m.keySet().stream().sorted().toList();
    }

    void clear() {
        mkeys.clear();
        pds.clear();
        umems.clear();
    }
}

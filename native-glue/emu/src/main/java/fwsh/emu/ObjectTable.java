package fwsh.emu;

import java.util.List;

/**
 * What an emulated device holds at one moment, for every handle on it: registered umem, protection domains and
 * memory keys (ids, sorted), the tracer's owner (handle uid, 0 when free) and whether it is writing; and what the
 * kernel side had to reclaim so far because a handle closed while still holding it (the UCTX teardown the mlx5ctl
 * driver does on close). A client that cleans up after itself leaves the first part empty and the second at zero.
 */
public record ObjectTable(List<Integer> umems, List<Integer> pds, List<Integer> mkeys, int tracerOwner,
                          boolean tracerActive, Reclaimed reclaimed) {

    /** Objects found still held when their handle closed, counted since the device was created. */
    public record Reclaimed(int umems, int pds, int mkeys, int tracerOwnerships) {
        public boolean none() {
            return umems == 0 && pds == 0 && mkeys == 0 && tracerOwnerships == 0;
        }
    }

    public ObjectTable {
        umems = List.copyOf(umems);
        pds = List.copyOf(pds);
        mkeys = List.copyOf(mkeys);
    }

    /** Nothing held: no umem, PD or mkey, and the tracer neither owned nor writing. */
    public boolean isEmpty() {
        return umems.isEmpty() && pds.isEmpty() && mkeys.isEmpty() && tracerOwner == 0 && !tracerActive;
    }

    /** Nothing held now and nothing left for a handle close to reclaim: every object was released explicitly. */
    public boolean clean() {
        return isEmpty() && reclaimed.none();
    }
}

package fwsh.emu;

/**
 * ALLOC_PD / DEALLOC_PD, CREATE_MKEY / DESTROY_MKEY, CREATE_UMEM / DESTROY_UMEM: just enough object
 * management for the device to DMA into user memory by mkey (the mlx5ctl personality; fwctl's
 * policy rejects these opcodes before they get here). Offsets from mlx5_ifc.h create_mkey_in /
 * mkc / create_umem_in; the emulated DMA address of user memory is its synthetic virtual address.
 */
final class ObjectCommands {
    static final int MKEY_UMEM_VALID = 0x0c;      // [30]
    static final int MKC = 0x10;                  // memory key context
    static final int MKC_ACCESS_MODE_1_0 = 0x00;  // [9:8]
    static final int MKC_MKEY_7_0 = 0x04;         // [7:0]
    static final int MKC_PD = 0x0c;               // [23:0]
    static final int MKC_START_ADDR = 0x10;
    static final int MKC_LEN = 0x18;
    static final int MKEY_UMEM_ID = 0x64;
    static final int ACCESS_MODE_PA = 0;
    static final int ACCESS_MODE_MTT = 1;
    static final int UMEM = 0x10;                 // umem struct inside create_umem_in
    static final int PAGE = 4096;

    private final Hca hca;

    ObjectCommands(Hca hca) {
        this.hca = hca;
    }

    void allocPd(Cmd c) {
        c.needIn(16);
        c.needOut(16);
        int pd = hca.objects.nextPd.getAndIncrement() & 0xffffff;
        hca.objects.pds.put(pd, c.handle.uid());
        c.outField(0x08, 23, 0, pd);
    }

    void deallocPd(Cmd c) {
        c.needIn(0x0c);
        c.needOut(16);
        int pd = (int) c.inField(0x08, 23, 0);
        Integer owner = hca.objects.pds.get(pd);
        if (owner == null || owner != c.handle.uid()) {
            throw new FirmwareError(FwStatus.BAD_RES, "DEALLOC_PD.unknown_pd", "pd " + pd + " does not exist");
        }
        hca.objects.pds.remove(pd);
    }

    void createMkey(Cmd c) {
        c.needIn(MKEY_UMEM_ID + 4);
        c.needOut(16);
        int uid = c.handle.uid();
        boolean umemValid = c.inField(MKEY_UMEM_VALID, 30, 30) != 0;
        int mode = (int) Prm.get(c.in, MKC, MKC_ACCESS_MODE_1_0, 9, 8);
        int variant = (int) Prm.get(c.in, MKC, MKC_MKEY_7_0, 7, 0);
        int pd = (int) Prm.get(c.in, MKC, MKC_PD, 23, 0);
        long start = Prm.u64(c.in, MKC + MKC_START_ADDR);
        long len = Prm.u64(c.in, MKC + MKC_LEN);
        Integer pdOwner = hca.objects.pds.get(pd);
        if (pdOwner == null || pdOwner != uid) {
            throw new FirmwareError(FwStatus.BAD_RES, "CREATE_MKEY.unknown_pd", "pd " + pd + " does not exist; ALLOC_PD first");
        }
        int index = hca.objects.nextMkeyIndex.getAndIncrement() & 0xffffff;
        int key = (index << 8) | variant;
        Objects.Mkey mkey;
        if (mode == ACCESS_MODE_MTT) {
            if (!umemValid) {
                throw FirmwareError.badParam("CREATE_MKEY.mtt_without_umem", "MTT mkeys need mkey_umem_valid=1 and mkey_umem_id (explicit MTT entries are not modelled)");
            }
            int umemId = (int) Prm.u32(c.in, MKEY_UMEM_ID);
            Objects.UmemRegion r = hca.objects.umems.get(umemId);
            if (r == null || r.uid() != uid) {
                throw FirmwareError.badParam("CREATE_MKEY.unknown_umem", "umem " + umemId + " does not exist");
            }
            if (len == 0 || start < r.va() || start + len > r.va() + r.len()) {
                throw FirmwareError.badParam("CREATE_MKEY.range_outside_umem", "start_addr 0x" + Long.toHexString(start) + " len " + len + " is outside umem " + umemId);
            }
            mkey = new Objects.Mkey(key, uid, pd, r, start, len, false);
        } else if (mode == ACCESS_MODE_PA && !umemValid) {
            mkey = new Objects.Mkey(key, uid, pd, null, 0, Long.MAX_VALUE, true);
        } else {
            throw FirmwareError.badParam("CREATE_MKEY.bad_access_mode", "access_mode " + mode + " is not modelled (PA 0 and MTT 1 are)");
        }
        hca.objects.mkeys.put(key, mkey);
        c.outField(0x08, 23, 0, index);
    }

    void destroyMkey(Cmd c) {
        c.needIn(0x0c);
        c.needOut(16);
        int index = (int) c.inField(0x08, 23, 0);
        boolean removed = hca.objects.mkeys.values().removeIf(k -> (k.key() >>> 8) == index && k.uid() == c.handle.uid());
        if (!removed) throw new FirmwareError(FwStatus.BAD_RES, "DESTROY_MKEY.unknown_mkey", "mkey index 0x" + Integer.toHexString(index) + " does not exist");
    }

    void createUmem(Cmd c) {
        c.needIn(UMEM + 0x20);
        c.needOut(16);
        int logPage = (int) Prm.get(c.in, UMEM, 0x10, 4, 0);
        long pageOffset = Prm.u32(c.in, UMEM + 0x14);
        long n = Prm.u64(c.in, UMEM + 0x18);
        long pageSize = (long) PAGE << logPage;
        if (n == 0 || n > (64L << 20) / PAGE) {
            throw FirmwareError.badParam("CREATE_UMEM.bad_num_of_mtt", "num_of_mtt " + n + " must be 1..16384");
        }
        c.needIn((int) (UMEM + 0x20 + 8 * n));
        long first = Prm.u64(c.in, UMEM + 0x20) & ~0xffL;
        Objects.UmemRegion host = null;
        for (Objects.UmemRegion r : hca.objects.umems.values()) {
            if (r.uid() == c.handle.uid() && r.umem().address() == r.va() && first >= r.va() && first + n * pageSize <= r.va() + r.len()) {
                host = r;
            }
        }
        if (host == null) {
            throw FirmwareError.badParam("CREATE_UMEM.unmapped_mtt", "MTT address 0x" + Long.toHexString(first) + " is not registered user memory");
        }
        for (int i = 1; i < n; i++) {
            long a = Prm.u64(c.in, UMEM + 0x20 + 8 * i) & ~0xffL;
            if (a != first + i * pageSize) {
                throw FirmwareError.badParam("CREATE_UMEM.non_contiguous_mtt", "MTT entry " + i + " is not the page after entry " + (i - 1));
            }
        }
        if (pageOffset >= pageSize) throw FirmwareError.badParam("CREATE_UMEM.bad_page_offset", "page_offset " + pageOffset + " is not inside the first page");
        int id = hca.objects.nextUmemId.getAndIncrement();
        hca.objects.umems.put(id, new Objects.UmemRegion(id, host.umem(), first + pageOffset, n * pageSize - pageOffset, c.handle.uid()));
        c.outField(0x08, 23, 0, id);
    }

    void destroyUmem(Cmd c) {
        c.needIn(0x0c);
        c.needOut(16);
        int id = (int) c.inField(0x08, 23, 0);
        Objects.UmemRegion r = hca.objects.umems.get(id);
        if (r == null || r.uid() != c.handle.uid()) {
            throw new FirmwareError(FwStatus.BAD_RES, "DESTROY_UMEM.unknown_umem", "umem " + id + " does not exist");
        }
        for (Objects.Mkey k : hca.objects.mkeys.values()) {
            if (k.region() != null && k.region().id() == id) {
                throw new FirmwareError(FwStatus.BAD_RES_STATE, "DESTROY_UMEM.in_use", "umem " + id + " is used by mkey 0x" + Integer.toHexString(k.key()) + "; destroy it first");
            }
        }
        hca.objects.umems.remove(id);
    }
}

package fwsh.channel;

import java.nio.ByteBuffer;

/**
 * User memory registered with the device (mlx5ctl UMEM_REG or the emulator). The memory stays
 * alive and pinned until {@link #close()}, which unregisters before freeing. Closing twice is a no-op.
 */
public interface Umem extends AutoCloseable {
    /** Device umem id, usable in CREATE_MKEY (mkey_umem_id). */
    int id();

    /** User virtual address of the first byte (what CREATE_MKEY start_addr and RESOURCE_DUMP address take). */
    long address();

    /** Length in bytes (a whole number of pages). */
    long size();

    /** A view of the memory; valid until close. */
    ByteBuffer buffer();

    boolean isOpen();

    @Override
    void close();
}

package fwsh.emu;

/**
 * One ACCESS_REG register model. Offsets in subclasses are relative to the register data, which
 * starts at byte 0x10 of both mailboxes; {@link RegIo} adds that base. The reply starts as a copy
 * of the request data (index fields such as local_port echo back) and the model fills the rest.
 */
abstract class Register {
    final int id;
    final String name;
    /** Smallest data size accepted: the ifc size where ADB and ifc disagree (replies are padded). */
    final int minSize;

    Register(int id, String name, int minSize) {
        this.id = id;
        this.name = name;
        this.minSize = minSize;
    }

    /** A model whose id, name and data size come from the catalog (the layout's size is the minimum accepted). */
    Register(RegLayout layout) {
        this(layout, layout.layout().sizeBytes());
    }

    /** As {@link #Register(RegLayout)}, accepting less data than the layout's size (a variable-length item). */
    Register(RegLayout layout, int minSize) {
        this(layout.def.id(), layout.def.name(), minSize);
    }

    abstract void read(RegIo io);

    void write(RegIo io) {
        throw FirmwareError.badParam(name + ".read_only", name + " cannot be written");
    }
}

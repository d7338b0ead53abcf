package fwsh.emu;

/**
 * One ACCESS_REG register model, built from its register's catalog layout: the id, name and data size come from
 * the catalog, and the model reads and writes only fields it resolved there ({@link RegLayout#field}), through
 * {@link RegIo}. The reply starts as a copy of the request data (index fields such as local_port echo back) and
 * the model fills the rest.
 */
abstract class Register {
    final int id;
    final String name;
    /** Smallest data size accepted: the ifc size where ADB and ifc disagree (replies are padded). */
    final int minSize;
    /** The catalog layout the model's fields come from. */
    final RegLayout layout;

    /** A model whose id, name and data size come from the catalog (the layout's size is the minimum accepted). */
    Register(RegLayout layout) {
        this(layout, layout.layout().sizeBytes());
    }

    /** As {@link #Register(RegLayout)}, accepting less data than the layout's size (a variable-length item). */
    Register(RegLayout layout, int minSize) {
        if (layout.def == null) throw new IllegalStateException("a register model needs a register's layout, not a structure's");
        this.layout = layout;
        this.id = layout.def.id();
        this.name = layout.def.name();
        this.minSize = minSize;
    }

    abstract void read(RegIo io);

    void write(RegIo io) {
        throw FirmwareError.badParam(name + ".read_only", name + " cannot be written");
    }
}

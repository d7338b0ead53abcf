package fwsh.emu;

/**
 * PDDR 0x5031, port diagnostics database: page 0 (operational info), page 1 (troubleshooting: why the link is
 * down, as a monitor opcode and message from mstflint's PDDR table) and page 3 (module info); other pages give
 * BAD_PARAM. Offsets inside page_data (register 0x08) from the MSTF adb.
 */
final class Pddr extends Register {
    static final int ID = 0x5031;
    static final int PAGE_DATA = 0x08;
    static final int PAGE_OPERATIONAL = 0;
    static final int PAGE_TROUBLESHOOTING = 1;
    static final int PAGE_MODULE = 3;

    private final Hca hca;

    Pddr(Hca hca) {
        super(ID, "PDDR", 0x100);
        this.hca = hca;
    }

    @Override
    void read(RegIo io) {
        Port port = hca.port(io.inInt(0x00, 23, 16), name);
        int page = io.inInt(0x04, 7, 0);
        io.zero(PAGE_DATA, 248);
        int b = PAGE_DATA;
        Profile p = hca.profile;
        switch (page) {
            case PAGE_OPERATIONAL -> {
                boolean up = port.operStatus() == Port.STATUS_UP;
                io.set(b, 23, 20, port.ib ? 1 : 4);                         // proto_active: InfiniBand 1, Ethernet 4
                io.set(b + 0x04, 31, 24, up ? 3 : (port.adminStatus() == 1 ? 2 : 0)); // phy_mngr_fsm_state
                long active = port.ib ? port.ibProtoOper() : port.extEthOper() != 0 ? port.extEthOper() : port.ethOper();
                io.u32(b + 0x14, up ? active : 0);                          // link_active (IB: the ib_proto_oper speed bit)
                io.set(b + 0x1c, 31, 16, up ? p.num("link.fecModeActive", 0) : 0);
                io.set(b + 0x38, 3, 0, up ? 0 : 1);                         // link_health
            }
            case PAGE_TROUBLESHOOTING -> {
                // The model's link is down only when PAOS closed it (PTYS admin always keeps a supported speed).
                boolean up = port.operStatus() == Port.STATUS_UP;
                io.set(b, 15, 0, 0);                                         // group_opcode: monitor opcodes
                io.set(b + 0x04, 15, 0, up ? 0 : 1);
                io.ascii(b + 0x0c, 236, up ? "No issue was observed" : "Port is closed by command (see PAOS)");
            }
            case PAGE_MODULE -> {
                int id = p.integer("module.identifier", 0x11);
                io.set(b + 0x04, 31, 28, p.num("module.cableType", 0));
                io.set(b + 0x04, 27, 24, 1);                                 // cable_vendor: NVIDIA
                io.set(b + 0x04, 23, 16, p.num("module.lengthMeters", 1));
                io.set(b + 0x04, 15, 8, id == 0x11 ? 0 : id == 0x0d ? 1 : id);
                io.ascii(b + 0x14, 16, p.str("module.vendor", "NVIDIA"));
                io.ascii(b + 0x24, 16, p.str("module.pn", ""));
                io.ascii(b + 0x34, 4, p.str("module.rev", ""));
                io.ascii(b + 0x3c, 16, p.str("module.sn", ""));
                long eighths = hca.thermal.eighths(63 + port.number, hca.clock.nanos());
                io.set(b + 0x4c, 31, 16, (eighths * 32) & 0xffff);           // 1/256 degree C
                io.set(b + 0x4c, 15, 0, 33000);                              // 3.3 V in 100 uV
            }
            default -> throw FirmwareError.badParam("PDDR.unsupported_page",
                    "page_select " + page + " is not modelled (0 operational info, 1 troubleshooting, 3 module info)");
        }
    }
}

package fwsh.emu;

/**
 * PDDR 0x5031, port diagnostics database: page 0 (operational info), page 1 (troubleshooting: why the link is
 * down, as a monitor opcode and message from mstflint's PDDR table) and page 3 (module info); other pages give
 * BAD_PARAM. The pages' fields are the catalog's page_data members.
 */
final class Pddr extends Register {
    private final Hca hca;
    private final int pageOperational, pageTroubleshooting, pageModule;
    private final RegField localPort, pageSelect, pageData;
    private final RegField protoActive, fsmState, linkActive, fecModeActive, linkHealth;
    private final RegField groupOpcode, statusOpcode, statusMessage;
    private final RegField cableType, cableVendor, cableLength, cableIdentifier, vendorName, vendorPn, vendorRev, vendorSn,
            temperature, voltage;

    Pddr(Hca hca) {
        this(hca, RegLayout.of("PDDR"));
    }

    private Pddr(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        localPort = l.field("local_port");
        pageSelect = l.field("page_select");
        pageData = l.area("page_data");
        pageOperational = l.enumValue("page_select", "operational_info");
        pageTroubleshooting = l.enumValue("page_select", "troubleshooting_info");
        pageModule = l.enumValue("page_select", "module_info");
        String op = "page_data.operation_info_page.";
        protoActive = l.field(op + "proto_active");
        fsmState = l.field(op + "phy_mngr_fsm_state");
        linkActive = l.field(op + "link_active");
        fecModeActive = l.field(op + "fec_mode_active");
        linkHealth = l.field(op + "link_health");
        String ts = "page_data.troubleshooting_page.";
        groupOpcode = l.field(ts + "group_opcode");
        statusOpcode = l.field(ts + "status_opcode");
        statusMessage = l.field(ts + "status_message");
        String mod = "page_data.module_info.";
        cableType = l.field(mod + "cable_type");
        cableVendor = l.field(mod + "cable_vendor");
        cableLength = l.field(mod + "cable_length");
        cableIdentifier = l.field(mod + "cable_identifier");
        vendorName = l.field(mod + "vendor_name");
        vendorPn = l.field(mod + "vendor_pn");
        vendorRev = l.field(mod + "vendor_rev");
        vendorSn = l.field(mod + "vendor_sn");
        temperature = l.field(mod + "temperature");
        voltage = l.field(mod + "voltage");
    }

    @Override
    void read(RegIo io) {
        Port port = hca.port(io.inInt(localPort), name);
        int page = io.inInt(pageSelect);
        io.zero(pageData);
        Profile p = hca.profile;
        if (page == pageOperational) {
            boolean up = port.operStatus() == Port.STATUS_UP;
            io.set(protoActive, port.ib ? 1 : 4);                                 // InfiniBand 1, Ethernet 4
            io.set(fsmState, up ? 3 : (port.adminStatus() == 1 ? 2 : 0));          // active, polling, disabled
            long active = port.ib ? port.ibProtoOper() : port.extEthOper() != 0 ? port.extEthOper() : port.ethOper();
            io.set(linkActive, up ? active : 0);                                  // IB: the ib_proto_oper speed bit
            io.set(fecModeActive, up ? p.num("link.fecModeActive", 0) : 0);
            io.set(linkHealth, up ? 0 : 1);
        } else if (page == pageTroubleshooting) {
            // The model's link is down only when PAOS closed it (PTYS admin always keeps a supported speed).
            boolean up = port.operStatus() == Port.STATUS_UP;
            io.set(groupOpcode, 0);                                               // monitor opcodes
            io.set(statusOpcode, up ? 0 : 1);
            io.ascii(statusMessage, up ? "No issue was observed" : "Port is closed by command (see PAOS)");
        } else if (page == pageModule) {
            int id = p.integer("module.identifier", 0x11);
            io.set(cableType, p.num("module.cableType", 0));
            io.set(cableVendor, 1);                                               // mellanox
            io.set(cableLength, p.num("module.lengthMeters", 1));
            io.set(cableIdentifier, id == 0x11 ? 0 : id == 0x0d ? 1 : id);
            io.ascii(vendorName, p.str("module.vendor", "NVIDIA"));
            io.ascii(vendorPn, p.str("module.pn", ""));
            io.ascii(vendorRev, p.str("module.rev", ""));
            io.ascii(vendorSn, p.str("module.sn", ""));
            long eighths = hca.thermal.eighths(63 + port.number, hca.clock.nanos());
            io.set(temperature, (eighths * 32) & 0xffff);                         // 1/256 degree C
            io.set(voltage, 33000);                                               // 3.3 V in 100 uV
        } else {
            throw FirmwareError.badParam("PDDR.unsupported_page",
                    "page_select " + page + " is not modelled (0 operational info, 1 troubleshooting, 3 module info)");
        }
    }
}

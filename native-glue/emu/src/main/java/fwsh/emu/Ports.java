package fwsh.emu;

/** PAOS, PMTU, PTYS and PMLP: the port registers whose writes change link state (OFED mlx5_ifc.h layouts). */
final class Ports {
    final Register paos;
    final Register pmtu;
    final Register ptys;
    final Register pmlp;
    private final Hca hca;

    Ports(Hca hca) {
        this.hca = hca;
        paos = new Paos();
        pmtu = new Pmtu();
        ptys = new Ptys();
        pmlp = new Pmlp();
    }

    private Port port(RegIo io, String who) {
        return hca.port(io.inInt(0x00, 23, 16), who);
    }

    private Port port(RegIo io, RegField localPort, String who) {
        return hca.port(io.inInt(localPort), who);
    }

    /** PAOS 0x5006: admin_status (writable with ase=1), oper_status follows. */
    final class Paos extends Register {
        private final RegField localPort, admin, oper, ase;

        Paos() {
            this(RegLayout.of("PAOS"));
        }

        private Paos(RegLayout l) {
            super(l);
            localPort = l.field("local_port");
            admin = l.field("admin_status");
            oper = l.field("oper_status");
            ase = l.field("ase");
        }

        @Override
        void read(RegIo io) {
            Port p = port(io, localPort, name);
            io.set(admin, p.adminStatus());
            io.set(oper, p.operStatus());
        }

        @Override
        void write(RegIo io) {
            Port p = port(io, localPort, name);
            if (io.in(ase) != 0) {
                int a = io.inInt(admin);
                if (a != 1 && a != 2 && a != 3 && a != 6) {
                    throw FirmwareError.badParam("PAOS.bad_admin_status", "admin_status " + a + " cannot be set (1 up, 2 down, 3 up_once, 6 sleep)");
                }
                p.setAdminStatus(a);
            }
            read(io);
        }
    }

    /** PMTU 0x5003: max_mtu, admin_mtu (writable up to max), oper_mtu. */
    final class Pmtu extends Register {
        private final RegField localPort, max, admin, oper;

        Pmtu() {
            this(RegLayout.of("PMTU"));
        }

        private Pmtu(RegLayout l) {
            super(l);
            localPort = l.field("local_port");
            max = l.field("max_mtu");
            admin = l.field("admin_mtu");
            oper = l.field("oper_mtu");
        }

        @Override
        void read(RegIo io) {
            Port p = port(io, localPort, name);
            io.set(max, p.maxMtu);
            io.set(admin, p.adminMtu());
            io.set(oper, p.operMtu());
        }

        @Override
        void write(RegIo io) {
            Port p = port(io, localPort, name);
            long mtu = io.in(admin);
            if (mtu < 64 || mtu > p.maxMtu) {
                throw FirmwareError.badParam("PMTU.bad_admin_mtu", "admin_mtu " + mtu + " is outside 64.." + p.maxMtu);
            }
            p.setAdminMtu(mtu);
            read(io);
        }
    }

    /**
     * PTYS 0x5004: capabilities from the profile, admin masks writable, oper = fastest admin mode. On an Ethernet
     * port proto_mask must select eth (4). On an InfiniBand port (port.protocol = ib) proto_mask ib (1) answers the
     * ib_proto_* / ib_link_width_* fields; proto_mask eth alone answers with every Ethernet field 0 (the port has no
     * Ethernet capability, so nothing could be enabled) and a write of it is BAD_PARAM. What real firmware does
     * for the mismatched mask is not documented in the sources we have; the driver always asks an IB port with
     * MLX5_PTYS_IB, so this choice only matters to tools that ask wrongly.
     */
    final class Ptys extends Register {
        static final int MASK_IB = 1;
        static final int MASK_ETH = 4;

        Ptys() {
            super(0x5004, "PTYS", 0x40);
        }

        private long checkMask(RegIo io, Port p) {
            long mask = io.in(0x00, 2, 0);
            if (!p.ib && (mask & MASK_ETH) == 0) {
                throw FirmwareError.badParam("PTYS.bad_proto_mask", "proto_mask " + mask + " does not select Ethernet (4); port " + p.number + " is an Ethernet port");
            }
            if (p.ib && (mask & (MASK_ETH | MASK_IB)) == 0) {
                throw FirmwareError.badParam("PTYS.bad_proto_mask", "proto_mask " + mask + " selects neither InfiniBand (1) nor Ethernet (4); port " + p.number + " is an InfiniBand port");
            }
            return mask;
        }

        @Override
        void read(RegIo io) {
            Port p = port(io, name);
            long mask = checkMask(io, p);
            boolean up = p.operStatus() == Port.STATUS_UP;
            if (p.ib && (mask & MASK_IB) == 0) {
                // Ethernet view of an IB port: no capability, nothing admin-enabled, nothing active.
                for (int off = 0x04; off <= 0x30; off += 4) io.u32(off, 0);
                return;
            }
            io.set(0x00, 30, 30, p.anDisable() ? 1 : 0);
            io.set(0x00, 29, 29, 1);
            io.set(0x04, 31, 28, up ? 1 : 4);
            io.set(0x04, 15, 0, p.speedMbps() / 100);
            io.u32(0x08, p.extEthCap);
            io.u32(0x0c, p.ethCap);
            io.set(0x10, 31, 16, p.ibWidthCap);
            io.set(0x10, 15, 0, p.ibProtoCap);
            io.u32(0x14, p.extEthAdmin());
            io.u32(0x18, p.ethAdmin());
            io.set(0x1c, 31, 16, p.ibWidthAdmin());
            io.set(0x1c, 15, 0, p.ibProtoAdmin());
            io.u32(0x20, up ? p.extEthOper() : 0);
            io.u32(0x24, up ? p.ethOper() : 0);
            io.set(0x28, 31, 16, up ? p.ibWidthOper() : 0);
            io.set(0x28, 15, 0, up ? p.ibProtoOper() : 0);
            io.set(0x2c, 3, 0, hca.profile.num("ptys.connectorType", 0));
            io.u32(0x30, up && !p.ib ? p.ethCap : 0);
        }

        @Override
        void write(RegIo io) {
            Port p = port(io, name);
            long mask = checkMask(io, p);
            if (p.ib) {
                if ((mask & MASK_IB) == 0) {
                    throw FirmwareError.badParam("PTYS.eth_on_ib_port", "port " + p.number + " is an InfiniBand port: write ib_proto_admin with proto_mask ib (1)");
                }
                long width = io.in(0x1c, 31, 16);
                long proto = io.in(0x1c, 15, 0);
                if ((proto & ~p.ibProtoCap) != 0 || (width & ~p.ibWidthCap) != 0) {
                    throw FirmwareError.badParam("PTYS.admin_not_in_capability", String.format(
                            "admin masks ib_proto 0x%x width 0x%x include modes outside the capability (ib_proto 0x%x width 0x%x)", proto, width, p.ibProtoCap, p.ibWidthCap));
                }
                if (proto == 0 || width == 0) {
                    throw FirmwareError.badParam("PTYS.empty_admin", "ib_proto_admin and ib_link_width_admin must each enable at least one speed and width");
                }
                p.setIbAdmin(proto, width);
                read(io);
                return;
            }
            long ext = io.inU32(0x14);
            long eth = io.inU32(0x18);
            if ((ext & ~p.extEthCap) != 0 || (eth & ~p.ethCap) != 0) {
                throw FirmwareError.badParam("PTYS.admin_not_in_capability", String.format(
                        "admin masks eth 0x%x ext 0x%x include modes outside the capability (eth 0x%x ext 0x%x)", eth, ext, p.ethCap, p.extEthCap));
            }
            if (ext == 0 && eth == 0) {
                throw FirmwareError.badParam("PTYS.empty_admin", "eth_proto_admin and ext_eth_proto_admin are both 0; enable at least one mode");
            }
            p.setProtoAdmin(eth, ext, io.in(0x00, 30, 30) != 0);
            read(io);
        }
    }

    /** PMLP 0x5002: four lanes of port N map to module N-1. */
    final class Pmlp extends Register {
        Pmlp() {
            super(0x5002, "PMLP", 0x40);
        }

        @Override
        void read(RegIo io) {
            Port p = port(io, name);
            io.set(0x00, 7, 0, 4);
            for (int lane = 0; lane < 4; lane++) {
                int off = 0x04 + 4 * lane;
                io.u32(off, 0);
                io.set(off, 7, 0, p.number - 1);     // module
                io.set(off, 19, 16, lane);           // tx_lane
                io.set(off, 27, 24, lane);           // rx_lane
            }
        }
    }
}

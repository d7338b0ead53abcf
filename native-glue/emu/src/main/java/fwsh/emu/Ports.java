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
        private final RegField localPort, protoMask, anDisableAdmin, anDisableCap, anStatus, dataRateOper;
        private final RegField extEthCap, ethCap, ibWidthCap, ibProtoCap, extEthAdmin, ethAdmin, ibWidthAdmin, ibProtoAdmin;
        private final RegField extEthOper, ethOper, ibWidthOper, ibProtoOper, connectorType, lpAdvertise, ethView;

        Ptys() {
            this(RegLayout.of("PTYS"));
        }

        private Ptys(RegLayout l) {
            super(l);
            localPort = l.field("local_port");
            protoMask = l.field("proto_mask");
            anDisableAdmin = l.field("an_disable_admin");
            anDisableCap = l.field("an_disable_cap");
            anStatus = l.field("an_status");
            dataRateOper = l.field("data_rate_oper");
            extEthCap = l.field("ext_eth_proto_capability");
            ethCap = l.field("eth_proto_capability");
            ibWidthCap = l.field("ib_link_width_capability");
            ibProtoCap = l.field("ib_proto_capability");
            extEthAdmin = l.field("ext_eth_proto_admin");
            ethAdmin = l.field("eth_proto_admin");
            ibWidthAdmin = l.field("ib_link_width_admin");
            ibProtoAdmin = l.field("ib_proto_admin");
            extEthOper = l.field("ext_eth_proto_oper");
            ethOper = l.field("eth_proto_oper");
            ibWidthOper = l.field("ib_link_width_oper");
            ibProtoOper = l.field("ib_proto_oper");
            connectorType = l.field("connector_type");
            lpAdvertise = l.field("eth_proto_lp_advertise");
            ethView = l.span("an_status", "eth_proto_lp_advertise");
        }

        private long checkMask(RegIo io, Port p) {
            long mask = io.in(protoMask);
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
            Port p = port(io, localPort, name);
            long mask = checkMask(io, p);
            boolean up = p.operStatus() == Port.STATUS_UP;
            if (p.ib && (mask & MASK_IB) == 0) {
                // Ethernet view of an IB port: no capability, nothing admin-enabled, nothing active.
                io.zero(ethView);
                return;
            }
            io.set(anDisableAdmin, p.anDisable() ? 1 : 0);
            io.set(anDisableCap, 1);
            io.set(anStatus, up ? 1 : 4);
            io.set(dataRateOper, p.speedMbps() / 100);
            io.set(extEthCap, p.extEthCap);
            io.set(ethCap, p.ethCap);
            io.set(ibWidthCap, p.ibWidthCap);
            io.set(ibProtoCap, p.ibProtoCap);
            io.set(extEthAdmin, p.extEthAdmin());
            io.set(ethAdmin, p.ethAdmin());
            io.set(ibWidthAdmin, p.ibWidthAdmin());
            io.set(ibProtoAdmin, p.ibProtoAdmin());
            io.set(extEthOper, up ? p.extEthOper() : 0);
            io.set(ethOper, up ? p.ethOper() : 0);
            io.set(ibWidthOper, up ? p.ibWidthOper() : 0);
            io.set(ibProtoOper, up ? p.ibProtoOper() : 0);
            io.set(connectorType, hca.profile.num("ptys.connectorType", 0));
            io.set(lpAdvertise, up && !p.ib ? p.ethCap : 0);
        }

        @Override
        void write(RegIo io) {
            Port p = port(io, localPort, name);
            long mask = checkMask(io, p);
            if (p.ib) {
                if ((mask & MASK_IB) == 0) {
                    throw FirmwareError.badParam("PTYS.eth_on_ib_port", "port " + p.number + " is an InfiniBand port: write ib_proto_admin with proto_mask ib (1)");
                }
                long width = io.in(ibWidthAdmin);
                long proto = io.in(ibProtoAdmin);
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
            long ext = io.in(extEthAdmin);
            long eth = io.in(ethAdmin);
            if ((ext & ~p.extEthCap) != 0 || (eth & ~p.ethCap) != 0) {
                throw FirmwareError.badParam("PTYS.admin_not_in_capability", String.format(
                        "admin masks eth 0x%x ext 0x%x include modes outside the capability (eth 0x%x ext 0x%x)", eth, ext, p.ethCap, p.extEthCap));
            }
            if (ext == 0 && eth == 0) {
                throw FirmwareError.badParam("PTYS.empty_admin", "eth_proto_admin and ext_eth_proto_admin are both 0; enable at least one mode");
            }
            p.setProtoAdmin(eth, ext, io.in(anDisableAdmin) != 0);
            read(io);
        }
    }

    /**
     * PMLP 0x5002: four lanes of port N map to module N-1. The catalog keeps each lane as one 32-bit word (as
     * mlx5_ifc.h does; the DSL reads the module from it); the word's fields come from layout lane_2_module_mapping.
     */
    final class Pmlp extends Register {
        static final int LANES = 4;
        private final RegField localPort, width;
        private final RegField[] word = new RegField[LANES], module = new RegField[LANES], txLane = new RegField[LANES], rxLane = new RegField[LANES];

        Pmlp() {
            this(RegLayout.of("PMLP"));
        }

        private Pmlp(RegLayout l) {
            super(l);
            localPort = l.field("local_port");
            width = l.field("width");
            for (int i = 0; i < LANES; i++) {
                String w = "lane" + i + "_module_mapping";
                word[i] = l.field(w);
                module[i] = l.field(w, "lane_2_module_mapping", "module");
                txLane[i] = l.field(w, "lane_2_module_mapping", "tx_lane");
                rxLane[i] = l.field(w, "lane_2_module_mapping", "rx_lane");
            }
        }

        @Override
        void read(RegIo io) {
            Port p = port(io, localPort, name);
            io.set(width, LANES);
            for (int lane = 0; lane < LANES; lane++) {
                io.set(word[lane], 0);
                io.set(module[lane], p.number - 1);
                io.set(txLane[lane], lane);
                io.set(rxLane[lane], lane);
            }
        }
    }
}

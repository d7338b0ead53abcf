# ConnectX-7 with its port in InfiniBand mode (NDR 4x, 400 Gb/s, OSFP), as HPC fabrics run it. Starts from the
# cx7 model and changes the port protocol, the PTYS InfiniBand masks and the identity.
include = cx7
name = ConnectX-7 (InfiniBand)
psid = MT_0000000838
serial = MT2410X11902
nodeDescription = MT4129 ConnectX7 Mellanox Technologies (IB)
# port.protocol: eth (default) or ib. An ib port answers PTYS proto_mask ib, PPCNT groups 0x20/0x21 and the
# physical-layer groups, and refuses the Ethernet counter groups.
port.protocol = ib
# the NV configuration agrees: LINK_TYPE_P1 is IB (a reboot after setting it to ETH makes the port Ethernet)
nv.LINK_TYPE = IB
nv.KEEP_IB_LINK_UP = True
# ib_proto_capability bits (mlx5_ptys_rate): SDR 0, DDR 1, QDR 2, FDR10 3, FDR 4, EDR 5, HDR 6, NDR 7, XDR 8.
# SDR, QDR, FDR, EDR, HDR, NDR (0xf5) is an assumption for a ConnectX-7 NDR port.
ptys.ibProtoCapability = 0xf5
# ib_link_width_capability bits (mlx5_ptys_width): 1x 0, 2x 1, 4x 2, 8x 3, 12x 4. 1x, 2x, 4x: a 4-lane port.
ptys.ibLinkWidthCapability = 0x7
port.maxMtu = 4096
port.mtu = 4096
# general caps: port_type 0 = ib (the catalog's enum); no RoCE on an IB port
cap.general.port_type = 0
cap.general.roce = 0
# A clean fabric link: no received packet errors (port_rcv_errors), so link/health.groovy reads OK by default.
traffic.fcsErrorRate = 0

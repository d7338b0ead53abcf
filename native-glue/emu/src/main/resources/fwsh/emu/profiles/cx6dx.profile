# ConnectX-6 Dx, 2 x 100GbE. Capability values are the ones a real CX6Dx reported
# (device-mechanisms.md §2.2 and §5); identity strings are made up but well formed.
name = ConnectX-6 Dx
pci.vendorId = 0x15b3
pci.deviceId = 0x101d
hwId = 0x212
hwRevision = 0x0
fw.version = 22.39.1002
fw.buildId = 0x4c2a1f0e
fw.date = 2023-11-20
fw.time = 0x1743
psid = MT_0000000359
serial = MT2243X04521
baseMac = 0xb8cef6a1b2c0
nodeDescription = MT4125 ConnectX6Dx Mellanox Technologies
ports = 2

# Link: legacy and extended PTYS capability masks (bit numbers from port.h).
# legacy: 100GBASE_CR4 20, SR4 21, KR4 22, LR4 23, 25GBASE_CR 27, KR 28, SR 29, 50GBASE_CR2 30, KR2 31, 10GBASE_CR 12, SR 13, 40GBASE_CR4 6
ptys.ethProtoCapability = 0xf8f03040
# extended: 25GAUI_1 6, 50GAUI_2 7, 50GAUI_1 8, CAUI_4 9, 100GAUI_2 10
ptys.extEthProtoCapability = 0x7c0
ptys.connectorType = 0x7
port.maxMtu = 9978
port.mtu = 1522
link.fecModeActive = 2
# RS-FEC histogram (PPHCR, PPCNT grp 0x23) for the active FEC: rs_528_514, rs_544_514 or none
link.fecHistogram = rs_528_514
# PCIe (MPEIN, MPCNT): speeds are MPEIN bit masks (0x10 Gen4, 0x20 Gen5), widths codes (4 = x16)
pcie.speedEnabled = 0x17
pcie.speedActive = 0x10
pcie.widthEnabled = 4
pcie.widthActive = 4
pcie.numPfs = 2
pcie.power = 25
# recovery events per hour on the PCIe link (0: a clean link)
pcie.rxErrorsPerHour = 0
pcie.txErrorsPerHour = 0

# General HCA caps (cur; "cap.general.max.X" overrides the max value).
cap.general.vhca_resource_manager = 1
cap.general.hca_cap_2 = 1
cap.general.log_max_srq_sz = 15
cap.general.log_max_qp_sz = 15
cap.general.log_max_qp = 17
cap.general.log_max_srq = 23
cap.general.log_max_cq_sz = 22
cap.general.log_max_cq = 24
cap.general.log_max_eq_sz = 22
cap.general.log_max_mkey = 24
cap.general.log_max_eq = 7
cap.general.qcam_reg = 1
cap.general.vport_counters = 1
cap.general.debug = 1
cap.general.vport_group_manager = 1
cap.general.mcam_reg = 1
cap.general.pcam_reg = 1
cap.general.port_type = 1
cap.general.log_max_msg = 30
cap.general.cqe_version = 1
cap.general.eth_net_offloads = 1
cap.general.roce = 1
cap.general.atomic = 1
cap.general.umem_uid_0 = 1
cap.general.log_pg_sz = 12
cap.general.log_max_transport_domain = 16
cap.general.log_max_pd = 23
cap.general.log_max_xrcd = 24
cap.general.log_max_flow_counter_bulk = 23
cap.general.log_max_rq = 23
cap.general.log_max_sq = 23
cap.general.log_max_tir = 16
cap.general.log_max_tis = 23
cap.general.device_frequency_mhz = 1000
cap.general.device_frequency_khz = 1000000
cap.general.num_vhca_ports = 1
cap.general.uctx_cap = 0x7
cap.general.max.log_max_qp = 18

# Debug caps (HCA cap type 0xD).
cap.debug.core_dump_general = 1
cap.debug.core_dump_qp = 1
cap.debug.log_cr_dump_to_mem_size = 8
cap.debug.resource_dump = 1
cap.debug.log_min_resource_dump_eq = 4
cap.debug.log_max_samples = 14
cap.debug.single = 1
cap.debug.repetitive = 1
cap.debug.log_min_sample_period = 0

# Diagnostic counters the device offers (num_of_diagnostic_counters = this count); all can sample in sync.
diag.counters = 0x401,0x402,0x403,0x406,0x409,0x40a,0x40b,0x1001,0x2001,0x2006,0x2c02,0x2c03,0x2c04
diag.syncCounters = all

# The QSFP28 module in each cage (SFF-8636 identity).
module.identifier = 0x11
module.vendor = NVIDIA
module.oui = 0x0002c9
module.pn = MCP1600-C001E30N
module.rev = A3
module.sn = MT2231VS01234
module.date = 220801
module.cableType = 0x3
module.lengthMeters = 1

# Traffic model (see TrafficModel): fraction of line rate per direction, frame size mix (size:weight),
# priority mix (prio:weight), and error / marking rates per frame or per bit.
traffic.rxLineRate = 0.30
traffic.txLineRate = 0.25
traffic.sizeMix = 64:20,96:5,200:5,400:5,800:5,1500:55,1800:0,3000:0,6000:0,9000:5
traffic.prioMix = 0:75,3:25
traffic.multicastFraction = 0.01
traffic.broadcastFraction = 0.001
traffic.fcsErrorRate = 1e-7
traffic.discardRate = 1e-5
traffic.ecnRate = 1e-3
traffic.preFecBer = 1e-8
traffic.symbolErrorRate = 1e-13
traffic.cnpPerSecond = 50

# Thermal (degrees C): base, slow sinusoidal drift amplitude and period, noise amplitude, thresholds.
thermal.asic = 52.0
thermal.module = 38.5
thermal.drift = 2.0
thermal.driftPeriodSeconds = 600
thermal.noise = 0.25
thermal.thresholdHi = 105
thermal.thresholdLo = 100

# Firmware tracer.
tracer.blocksPerSecond = 100
tracer.logMaxBufferSize = 12
tracer.firstStringTrace = 0xb0
tracer.numStringTrace = 0x10
tracer.version = 1

# Core dump (CR_DUMP_TO_MEM) size in bytes.
crdump.size = 65536

# Non-volatile configuration (mlxconfig's parameters; MNVDA/MNVDI/MNVQC/MNVIA/MNVGC/MNVGN). nv.items lists the supported
# items of the built-in NV list; nv.NAME (mlxconfig name) and nv.ITEM.PARAM set factory defaults. An Ethernet-only
# card: no nv_vpi_link_type (LINK_TYPE). Defaults and capability values are plausible assumptions, not a real card's dump.
nv.items = nv_global_pci_conf, nv_global_pci_cap, nv_pf_pci_conf, nv_pci_conf, nv_pci_cap, nv_sw_offload_conf, nv_sw_offload_cap, nv_keep_link_up, nv_lldp_nb_conf, nv_lldp_nb_cap, nv_lldp_nb_dcbx, nv_roce_cc, nv_roce_cc_ecn, nv_roce_cc_qcn, nv_roce_1_5_conf, nv_global_roce_cc_conf, nv_global_roce_cc_cap, nv_hca_conf, nv_hca_cap, nv_qos_conf, nv_qos_cap, nv_wol_conf, nv_wol_cap, nv_rom_boot_conf1, nv_flex_parser_conf, nv_flex_parser_cap
nv.nv_global_pci_cap.sriov_support = 1
nv.nv_global_pci_cap.max_vfs_per_pf_valid = 1
nv.nv_global_pci_cap.max_vfs_per_pf = 127
nv.nv_global_pci_cap.max_num_pfs = 2
nv.nv_global_pci_cap.num_pfs_supported = 1
nv.nv_global_pci_cap.pf_bar_size_supported = 1
nv.nv_global_pci_cap.vf_bar_size_supported = 1
nv.nv_global_pci_cap.max_log_pf_uar_bar_size = 10
nv.nv_global_pci_cap.max_log_vf_uar_bar_size = 6
nv.nv_global_pci_cap.num_pf_msix_supported = 1
nv.nv_global_pci_cap.num_vf_msix_supported = 1
nv.nv_global_pci_cap.max_num_pf_msix = 127
nv.nv_global_pci_cap.max_num_vf_msix = 127
nv.SRIOV_EN = False
nv.NUM_OF_VFS = 0
nv.NUM_OF_PF = 2
nv.PF_LOG_BAR_SIZE = 5
nv.VF_LOG_BAR_SIZE = 1
nv.NUM_PF_MSIX = 63
nv.NUM_VF_MSIX = 11
nv.nv_pci_cap.advanced_pci_settings_supported = 1
nv.nv_pci_cap.ats_supported = 1
nv.nv_pci_cap.exp_rom_pxe_supported = 1
nv.nv_pci_cap.exp_rom_uefi_x86_supported = 1
nv.EXP_ROM_PXE_ENABLE = True
nv.EXP_ROM_UEFI_x86_ENABLE = True
nv.nv_sw_offload_cap.pci_atomics_disabled_ext_atomics_enabled = 1
nv.nv_sw_offload_cap.pci_atomics_enabled_ext_atomics_enabled = 1
nv.nv_sw_offload_cap.tx_psn_win_supported = 1
nv.nv_sw_offload_cap.prio_tag_required_supported = 1
nv.nv_sw_offload_cap.ip_over_vxlan_supported = 1
nv.KEEP_ETH_LINK_UP = True
nv.nv_lldp_nb_cap.lldp_nb_rx_cap = 2
nv.nv_lldp_nb_cap.lldp_nb_tx_cap = 2
nv.nv_lldp_nb_cap.lldp_nb_dcbx_en = 1
nv.LLDP_NB_RX_MODE = ALL
nv.LLDP_NB_TX_MODE = ALL
nv.DCBX_IEEE = True
nv.DCBX_CEE = True
nv.DCBX_WILLING = True
nv.ROCE_CC_PRIO_MASK = 255
nv.RPG_MIN_DEC_FAC = 50
nv.nv_global_roce_cc_cap.legacy_cc_dcqcn_supported = 1
nv.nv_hca_cap.roce_ctrl_supported = 1
nv.nv_qos_cap.max_num_of_vl = 3
nv.nv_qos_cap.max_num_of_tc = 8
nv.nv_qos_cap.max_num_pfc = 8
nv.NUM_OF_VL = _4_VLs
nv.NUM_OF_PFC = 8
nv.nv_wol_cap.en_wol_magic = 1
nv.nv_flex_parser_cap.flex_parser_profile_0_supported = 1
nv.nv_flex_parser_cap.flex_parser_profile_1_supported = 1
nv.nv_flex_parser_cap.flex_parser_profile_2_supported = 1
nv.nv_flex_parser_cap.flex_parser_profile_3_supported = 1

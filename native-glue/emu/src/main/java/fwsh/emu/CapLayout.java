package fwsh.emu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named capability fields the profiles may set, at their offsets inside the 4096-byte capability
 * (cmd_hca_cap for GENERAL, debug_cap for DEBUG; offsets from device-mechanisms.md §2.2 and §5).
 */
final class CapLayout {
    record Field(String name, int byteOff, int msb, int lsb) {
    }

    static final Map<String, Field> GENERAL = new LinkedHashMap<>();
    static final Map<String, Field> DEBUG = new LinkedHashMap<>();

    private static void g(String n, int off, int msb, int lsb) {
        GENERAL.put(n, new Field(n, off, msb, lsb));
    }

    private static void d(String n, int off, int msb, int lsb) {
        DEBUG.put(n, new Field(n, off, msb, lsb));
    }

    static {
        g("vhca_resource_manager", 0x00, 0, 0);
        g("hca_cap_2", 0x04, 31, 31);
        g("vhca_id", 0x04, 15, 0);
        g("log_max_srq_sz", 0x10, 31, 24);
        g("log_max_qp_sz", 0x10, 23, 16);
        g("log_max_qp", 0x10, 4, 0);
        g("log_max_srq", 0x14, 20, 16);
        g("log_max_cq_sz", 0x18, 23, 16);
        g("log_max_cq", 0x18, 4, 0);
        g("log_max_eq_sz", 0x1c, 31, 24);
        g("log_max_mkey", 0x1c, 21, 16);
        g("log_max_eq", 0x1c, 3, 0);
        g("qcam_reg", 0x2c, 16, 16);
        g("gid_table_size", 0x2c, 15, 0);
        g("vport_counters", 0x30, 30, 30);
        g("debug", 0x30, 28, 28);
        g("pkey_table_size", 0x30, 15, 0);
        g("vport_group_manager", 0x34, 31, 31);
        g("mcam_reg", 0x34, 22, 22);
        g("pcam_reg", 0x34, 21, 21);
        g("port_type", 0x34, 9, 8);
        g("num_ports", 0x34, 7, 0);
        g("log_max_msg", 0x38, 28, 24);
        g("max_tc", 0x38, 19, 16);
        g("cqe_version", 0x3c, 3, 0);
        g("eth_net_offloads", 0x40, 3, 3);
        g("roce", 0x40, 2, 2);
        g("atomic", 0x40, 1, 1);
        g("umem_uid_0", 0x48, 13, 13);
        g("log_pg_sz", 0x48, 7, 0);
        g("num_of_diagnostic_counters", 0x50, 31, 16);
        g("log_max_transport_domain", 0x64, 28, 24);
        g("log_max_pd", 0x64, 20, 16);
        g("log_max_xrcd", 0x64, 4, 0);
        g("log_max_flow_counter_bulk", 0x68, 23, 16);
        g("log_max_rq", 0x6c, 28, 24);
        g("log_max_sq", 0x6c, 20, 16);
        g("log_max_tir", 0x6c, 12, 8);
        g("log_max_tis", 0x6c, 4, 0);
        g("device_frequency_mhz", 0x98, 31, 0);
        g("device_frequency_khz", 0x9c, 31, 0);
        g("num_vhca_ports", 0xc0, 15, 8);
        g("uctx_cap", 0xd4, 31, 0);

        d("core_dump_general", 0x00, 31, 31);
        d("core_dump_qp", 0x00, 30, 30);
        d("log_cr_dump_to_mem_size", 0x00, 27, 23);
        d("resource_dump", 0x00, 22, 22);
        d("log_min_resource_dump_eq", 0x00, 20, 16);
        d("log_max_samples", 0x00, 7, 0);
        d("single", 0x04, 31, 31);
        d("repetitive", 0x04, 30, 30);
        d("health_mon_rx_activity", 0x04, 29, 29);
        d("diag_counter_tracer_dump", 0x04, 28, 28);
        d("log_min_sample_period", 0x04, 7, 0);
    }

    private CapLayout() {
    }
}

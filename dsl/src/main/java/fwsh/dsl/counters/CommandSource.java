package fwsh.dsl.counters;

import fwsh.counters.CounterDef;
import fwsh.counters.CounterKind;
import fwsh.counters.CounterSource;
import fwsh.dsl.engine.Commands;
import fwsh.wire.Catalog;
import fwsh.wire.Field;
import fwsh.wire.Layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters out of one query command's output mailbox (QUERY_VPORT_COUNTER, QUERY_CONG_STATISTICS): one command per
 * read, values picked from the reply bytes with fields resolved once from the catalog layout.
 */
final class CommandSource implements CounterSource {
    private final Commands cmd;
    private final String command;
    private final String name;
    private final Map<String, Object> in;
    private final List<CounterDef> defs = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private Field deviceTicks;
    private long ticksToNanosDen = 1_000_000;

    CommandSource(Commands cmd, String command, String name, Map<String, Object> in) {
        this.cmd = cmd;
        this.command = command;
        this.name = name;
        this.in = Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }

    private Layout out() {
        return Catalog.builtin().command(command).out();
    }

    CommandSource add(String counter, String path, CounterKind kind, String unit, String description) {
        Field f = out().field(path);
        defs.add(new CounterDef(counter, command, description + " (" + command + ": " + path + ")", unit, f.bitWidth(), kind));
        fields.add(f);
        return this;
    }

    /** Uses a device-clock field of the reply as the read's device time ({@code freqKhz} device clocks per ms). */
    CommandSource deviceTime(String path, long freqKhz) {
        this.deviceTicks = out().field(path);
        this.ticksToNanosDen = freqKhz;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<CounterDef> counters() {
        return defs;
    }

    byte[] readRaw() {
        return cmd.call(command, in).value().bytes();
    }

    @Override
    public long read(int[] indices, long[] into) {
        byte[] b = readRaw();
        for (int k = 0; k < indices.length; k++) into[k] = fields.get(indices[k]).get(b, 0);
        if (deviceTicks == null) return NO_DEVICE_TIME;
        long t = deviceTicks.get(b, 0);
        return DiagCounters.ticksToNanos(t, ticksToNanosDen);
    }

    @Override
    public boolean hasDeviceTime() {
        return deviceTicks != null;
    }

    /** QUERY_VPORT_COUNTER of the port's own vport, with the mlx5e ethtool names. */
    static CommandSource vport(Commands cmd, int port) {
        CommandSource s = new CommandSource(cmd, "QUERY_VPORT_COUNTER", "vport", Map.of("port_num", port));
        String[][] map = {
                {"rx_vport_unicast", "received_eth_unicast", "unicast"},
                {"tx_vport_unicast", "transmitted_eth_unicast", "unicast"},
                {"rx_vport_multicast", "received_eth_multicast", "multicast"},
                {"tx_vport_multicast", "transmitted_eth_multicast", "multicast"},
                {"rx_vport_broadcast", "received_eth_broadcast", "broadcast"},
                {"tx_vport_broadcast", "transmitted_eth_broadcast", "broadcast"},
                {"rx_vport_errors", "received_errors", "erroneous"},
                {"tx_vport_errors", "transmit_errors", "erroneous"},
                {"rx_vport_ib_unicast", "received_ib_unicast", "IB unicast"},
                {"tx_vport_ib_unicast", "transmitted_ib_unicast", "IB unicast"},
                {"rx_vport_ib_multicast", "received_ib_multicast", "IB multicast"},
                {"tx_vport_ib_multicast", "transmitted_ib_multicast", "IB multicast"}};
        for (String[] m : map) {
            String dir = m[0].startsWith("rx") ? "received" : "transmitted";
            s.add(m[0] + "_packets", m[1] + ".packets", CounterKind.COUNTER, "packets", m[2] + " packets " + dir + " by the vport");
            s.add(m[0] + "_bytes", m[1] + ".octets", CounterKind.COUNTER, "bytes", m[2] + " bytes " + dir + " by the vport");
        }
        return s;
    }

    /** QUERY_CONG_STATISTICS (RoCE congestion control), named as the mlx5 RDMA hw counters. */
    static CommandSource congestion(Commands cmd, long freqKhz) {
        CommandSource s = new CommandSource(cmd, "QUERY_CONG_STATISTICS", "cong", Map.of());
        s.add("rp_cnp_handled", "rp_cnp_handled", CounterKind.COUNTER, "packets", "CNPs handled by the reaction point");
        s.add("rp_cnp_ignored", "rp_cnp_ignored", CounterKind.COUNTER, "packets", "CNPs ignored by the reaction point");
        s.add("np_ecn_marked_roce_packets", "np_ecn_marked_roce_packets", CounterKind.COUNTER, "packets",
                "ECN-marked RoCE packets seen by the notification point");
        s.add("np_cnp_sent", "np_cnp_sent", CounterKind.COUNTER, "packets", "CNPs sent by the notification point");
        s.add("rp_cur_flows", "rp_cur_flows", CounterKind.GAUGE, "flows", "flows currently rate-limited by the reaction point");
        s.add("sum_flows", "sum_flows", CounterKind.GAUGE, "flows", "flows handled by the reaction point");
        if (freqKhz > 0) s.deviceTime("time_stamp", freqKhz);
        return s;
    }

    @Override
    public String toString() {
        return name + " (" + defs.size() + " counters)";
    }
}

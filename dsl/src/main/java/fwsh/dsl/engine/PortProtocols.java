package fwsh.dsl.engine;

import fwsh.base.FwshException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which protocol each port speaks, asked of the device once per port: PTYS with both protocol bits set
 * (InfiniBand 1, Ethernet 4) reports the capabilities of the protocol the port runs. Should the firmware refuse
 * the combined mask, each protocol is asked alone. A failed probe is not remembered.
 */
final class PortProtocols {
    static final long IB = 1;
    static final long ETH = 4;

    private final Registers registers;
    private final Map<Long, Long> masks = new ConcurrentHashMap<>();

    PortProtocols(Registers registers) {
        this.registers = registers;
    }

    /** The PTYS proto_mask of the port's protocol; null when the port is not a number (the encoder says why). */
    Long protoMask(Object localPort) {
        if (!(localPort instanceof Number n)) return null;
        long port = n.longValue();
        Long known = masks.get(port);
        if (known != null) return known;
        long mask = detect(port);
        masks.put(port, mask);
        return mask;
    }

    /** "eth" or "ib". */
    String protocol(long port) {
        return protoMask(port) == IB ? "ib" : "eth";
    }

    private long detect(long port) {
        Register ptys = registers.get("PTYS");
        try {
            Decoded both = ptys.read(Map.of("local_port", port, "proto_mask", IB | ETH));
            if (ethCapable(both)) return ETH;
            if (ibCapable(both)) return IB;
        } catch (FirmwareStatusException refused) {
            // the firmware takes one protocol at a time: ask each
        }
        if (ethCapable(ptys.read(Map.of("local_port", port, "proto_mask", ETH)))) return ETH;
        if (ibCapable(ptys.read(Map.of("local_port", port, "proto_mask", IB)))) return IB;
        throw new FwshException("port " + port + ": PTYS reports no Ethernet or InfiniBand capability, so its protocol is unknown;"
                + " give proto_mask: ('eth' or 'ib')");
    }

    private static boolean ethCapable(Decoded d) {
        return num(d, "eth_proto_capability") != 0 || num(d, "ext_eth_proto_capability") != 0;
    }

    private static boolean ibCapable(Decoded d) {
        return num(d, "ib_proto_capability") != 0;
    }

    private static long num(Decoded d, String field) {
        return ((Number) d.raw(field)).longValue();
    }
}

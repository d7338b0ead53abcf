package fwsh.dsl.engine;

import java.util.Map;

/**
 * A register read with its index fixed: {@code def r = dev.reg.PPCNT.prepare(local_port: 1, grp: 'ieee_802_3')},
 * then {@code r.read()} in a loop. The request is encoded once and the admission decided once, so each read is
 * the RPC plus the scope check and the status check: the cheapest way to poll a register from a script.
 */
public final class PreparedRead {
    private final Register register;
    private final Map<String, Object> index;
    private final byte[] in;

    PreparedRead(Register register, Map<String, Object> index, byte[] in) {
        this.register = register;
        this.index = index;
        this.in = in;
    }

    public Decoded read() {
        return register.send(in);
    }

    /** The index fields it reads with. */
    public Map<String, Object> getIndex() {
        return index;
    }

    @Override
    public String toString() {
        return "PreparedRead(" + register.getName() + " " + index + ")";
    }
}

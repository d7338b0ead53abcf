package fwsh.emu;

import fwsh.wire.IbLinkModes;
import fwsh.wire.LinkModes;

import java.util.HashMap;
import java.util.Map;

/**
 * One physical port: administrative state (PAOS, PMTU, PTYS admin) and the running integral of link
 * speed that drives its {@link TrafficModel}. All methods synchronize on the port (a per-port lock:
 * RPCs for different ports never wait for each other).
 */
final class Port {
    static final int STATUS_UP = 1;
    static final int STATUS_DOWN = 2;

    final int number;             // local_port, 1-based
    final TrafficModel traffic;
    private final EmuClock clock;
    final long maxMtu;
    /** port.protocol = ib: an InfiniBand port (PTYS ib fields, PPCNT IB groups); else Ethernet. */
    final boolean ib;
    final long ethCap;
    final long extEthCap;
    final long ibProtoCap;
    final long ibWidthCap;

    private int adminStatus = STATUS_UP;
    private long adminMtu;
    private long ethAdmin;
    private long extEthAdmin;
    private boolean anDisable;
    private long ibProtoAdmin;
    private long ibWidthAdmin;
    private long linkDownEvents;

    private double megabitSeconds;
    private long segmentStart;
    private final Map<Integer, long[]> ppcntBaseline = new HashMap<>();
    private final Map<Integer, long[]> vportBaseline = new HashMap<>();

    Port(int number, Profile p, long seed, EmuClock clock) {
        this.number = number;
        this.clock = clock;
        this.traffic = new TrafficModel(p, seed, number);
        this.maxMtu = p.num("port.maxMtu", 9978);
        this.adminMtu = p.num("port.mtu", 1522);
        // port.N.protocol (set from the NV configuration's LINK_TYPE_PN) overrides the profile's port.protocol
        String base = p.str("port.protocol", "eth");
        String protocol = p.str("port." + number + ".protocol", base);
        for (String v : new String[]{base, protocol}) {
            if (!v.equals("eth") && !v.equals("ib")) {
                throw new ProfileException("profile " + p.key() + ": port.protocol '" + v + "' must be eth or ib");
            }
        }
        this.ib = protocol.equals("ib");
        // An InfiniBand port has no Ethernet modes, whatever an included Ethernet profile says.
        this.ethCap = ib ? 0 : p.num("ptys.ethProtoCapability", 0);
        this.extEthCap = ib ? 0 : p.num("ptys.extEthProtoCapability", 0);
        this.ibProtoCap = ib ? p.num("ptys.ibProtoCapability", 0) : 0;
        this.ibWidthCap = ib ? p.num("ptys.ibLinkWidthCapability", 0) : 0;
        this.ethAdmin = ethCap;
        this.extEthAdmin = extEthCap;
        this.ibProtoAdmin = ibProtoCap;
        this.ibWidthAdmin = ibWidthCap;
        if (ib) {
            if (IbLinkModes.fastestSpeed(ibProtoCap) == 0 || IbLinkModes.widest(ibWidthCap) == 0 || !IbLinkModes.known(ibProtoCap, ibWidthCap)) {
                throw new ProfileException("profile " + p.key() + ": an ib port needs ptys.ibProtoCapability (bits 0..8, SDR..XDR) and "
                        + "ptys.ibLinkWidthCapability (bits 0..4, 1x..12x) naming known speeds and widths");
            }
        } else if (LinkModes.fastestMbps(ethCap, extEthCap) == 0) {
            throw new ProfileException("profile " + p.key() + ": ptys.ethProtoCapability and ptys.extEthProtoCapability name no known link speed; set one of them");
        }
        this.segmentStart = clock.nanos();
    }

    /** Folds the elapsed segment into the integral; call before any rate-changing state change. */
    private void fold(long now) {
        megabitSeconds += operSpeedMbps() * ((now - segmentStart) / 1e9);
        segmentStart = now;
    }

    synchronized double megabitSeconds() {
        long now = clock.nanos();
        return megabitSeconds + operSpeedMbps() * ((now - segmentStart) / 1e9);
    }

    synchronized TrafficModel.Totals totals() {
        return traffic.at(megabitSeconds());
    }

    synchronized int adminStatus() {
        return adminStatus;
    }

    synchronized int operStatus() {
        return (adminStatus == 1 || adminStatus == 3) && operSpeedMbps() > 0 ? STATUS_UP : STATUS_DOWN;
    }

    synchronized void setAdminStatus(int s) {
        int before = operStatus();
        fold(clock.nanos());
        adminStatus = s;
        if (before == STATUS_UP && operStatus() != STATUS_UP) linkDownEvents++;
    }

    synchronized long linkDownEvents() {
        return linkDownEvents;
    }

    synchronized long adminMtu() {
        return adminMtu;
    }

    synchronized long operMtu() {
        return adminMtu;
    }

    synchronized void setAdminMtu(long mtu) {
        adminMtu = mtu;
    }

    synchronized long ethAdmin() {
        return ethAdmin;
    }

    synchronized long extEthAdmin() {
        return extEthAdmin;
    }

    synchronized boolean anDisable() {
        return anDisable;
    }

    synchronized void setProtoAdmin(long eth, long ext, boolean anDisableAdmin) {
        int before = operStatus();
        fold(clock.nanos());
        ethAdmin = eth;
        extEthAdmin = ext;
        anDisable = anDisableAdmin;
        if (before == STATUS_UP && operStatus() != STATUS_UP) linkDownEvents++;
    }

    /** The mode the link trains to: the fastest admin-enabled mode (IB: fastest speed at the widest width), only with admin up. */
    private long operSpeedMbps() {
        if (!(adminStatus == 1 || adminStatus == 3)) return 0;
        if (ib) return IbLinkModes.mbps(IbLinkModes.fastestSpeed(ibProtoAdmin & ibProtoCap), IbLinkModes.widest(ibWidthAdmin & ibWidthCap));
        return LinkModes.fastestMbps(ethAdmin & ethCap, extEthAdmin & extEthCap);
    }

    synchronized long ibProtoAdmin() {
        return ibProtoAdmin;
    }

    synchronized long ibWidthAdmin() {
        return ibWidthAdmin;
    }

    synchronized void setIbAdmin(long proto, long width) {
        int before = operStatus();
        fold(clock.nanos());
        ibProtoAdmin = proto;
        ibWidthAdmin = width;
        if (before == STATUS_UP && operStatus() != STATUS_UP) linkDownEvents++;
    }

    /** The single ib_proto_oper bit (0 while down). */
    synchronized long ibProtoOper() {
        return operSpeedMbps() == 0 ? 0 : IbLinkModes.fastestSpeed(ibProtoAdmin & ibProtoCap);
    }

    /** The single ib_link_width_oper bit (0 while down). */
    synchronized long ibWidthOper() {
        return operSpeedMbps() == 0 ? 0 : IbLinkModes.widest(ibWidthAdmin & ibWidthCap);
    }

    synchronized long speedMbps() {
        return operSpeedMbps();
    }

    synchronized long ethOper() {
        return operSpeedMbps() == 0 ? 0 : LinkModes.fastestBit(ethAdmin & ethCap, extEthAdmin & extEthCap, false);
    }

    synchronized long extEthOper() {
        return operSpeedMbps() == 0 ? 0 : LinkModes.fastestBit(ethAdmin & ethCap, extEthAdmin & extEthCap, true);
    }

    /**
     * Values since the last clear: computes the raw values from the current totals and subtracts the
     * baseline in one step under the port lock, so a concurrent clear can never make a value negative.
     */
    synchronized long[] sample(Map<Integer, long[]> table, int key, java.util.function.Function<TrafficModel.Totals, long[]> raw, boolean clear) {
        return sinceClear(table, key, raw.apply(totals()), clear);
    }

    /** Raw minus baseline, for clear-on-read semantics; {@code clear} makes the current raw the new baseline. */
    synchronized long[] sinceClear(Map<Integer, long[]> table, int key, long[] raw, boolean clear) {
        long[] base = table.get(key);
        long[] out = new long[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = base == null ? raw[i] : raw[i] - base[i];
        if (clear) table.put(key, raw.clone());
        return out;
    }

    Map<Integer, long[]> ppcntBaselines() {
        return ppcntBaseline;
    }

    Map<Integer, long[]> vportBaselines() {
        return vportBaseline;
    }
}

package fwsh.emu;

import fwsh.channel.Mailbox;
import fwsh.channel.Opcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The emulated firmware's command dispatcher: opcode to command, ACCESS_REG register id to register
 * model. The tables are filled in the constructor and only read afterwards, so lookups need no lock.
 * A firmware error leaves a zeroed output with status and syndrome in the header.
 */
final class Firmware {
    private final Hca hca;
    private final Map<Integer, Consumer<Cmd>> commands = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Register> registers = new HashMap<>();

    Firmware(Hca hca) {
        this.hca = hca;
        QueryCommands q = new QueryCommands(hca);
        ObjectCommands o = new ObjectCommands(hca);
        add(Opcode.QUERY_HCA_CAP, "QUERY_HCA_CAP", q::queryHcaCap);
        add(Opcode.QUERY_ADAPTER, "QUERY_ADAPTER", q::queryAdapter);
        add(Opcode.QUERY_ISSI, "QUERY_ISSI", q::queryIssi);
        add(Opcode.SET_ISSI, "SET_ISSI", q::setIssi);
        add(Opcode.NOP, "NOP", c -> c.needOut(16));
        add(Opcode.QUERY_VPORT_COUNTER, "QUERY_VPORT_COUNTER", q::queryVportCounter);
        add(Opcode.QUERY_CONG_STATISTICS, "QUERY_CONG_STATISTICS", q::queryCongStatistics);
        add(Opcode.SET_DIAGNOSTIC_PARAMS, "SET_DIAGNOSTIC_PARAMS", hca.diag::set);
        add(Opcode.QUERY_DIAGNOSTIC_PARAMS, "QUERY_DIAGNOSTIC_PARAMS", hca.diag::queryParams);
        add(Opcode.QUERY_DIAGNOSTIC_COUNTERS, "QUERY_DIAGNOSTIC_COUNTERS", hca.diag::queryCounters);
        add(Opcode.ALLOC_PD, "ALLOC_PD", o::allocPd);
        add(Opcode.DEALLOC_PD, "DEALLOC_PD", o::deallocPd);
        add(Opcode.CREATE_MKEY, "CREATE_MKEY", o::createMkey);
        add(Opcode.DESTROY_MKEY, "DESTROY_MKEY", o::destroyMkey);
        add(Opcode.CREATE_UMEM, "CREATE_UMEM", o::createUmem);
        add(Opcode.DESTROY_UMEM, "DESTROY_UMEM", o::destroyUmem);
        add(Opcode.ACCESS_REG, "ACCESS_REG", this::accessReg);
        add(Opcode.ACCESS_REGISTER_USER, "ACCESS_REGISTER_USER", this::accessReg);

        // The one table of register models; MCAM/PCAM advertise exactly what it holds.
        Ports p = new Ports(hca);
        List<Register> models = new ArrayList<>(List.of(
                new Mgir(hca), p.paos, p.pmtu, p.ptys, p.pmlp, new Ppcnt(hca), hca.thermal.mtmp(), hca.thermal.mtcap(),
                new Mcia(hca), new Pddr(hca), new Pphcr(hca), new Mpein(hca), new Mpcnt(hca),
                hca.tracer.cap, hca.tracer.conf, hca.tracer.stdb, hca.tracer.ctrl, new CoreDump(hca),
                hca.resourceDump));
        models.addAll(Nv.registers(hca));
        List<Integer> ids = models.stream().map(r -> r.id).toList();
        models.add(new CapRegister("MCAM", "mng_access_reg_cap_mask", ids));
        models.add(new CapRegister("PCAM", "port_access_reg_cap_mask", ids));
        for (Register r : models) {
            if (registers.put(r.id, r) != null) throw new IllegalStateException("two emulator models for register " + r.name);
        }
    }

    /** Ids of the registers the emulated firmware answers. */
    Set<Integer> registerIds() {
        return Collections.unmodifiableSet(registers.keySet());
    }

    /** The register models, one per id. */
    java.util.Collection<Register> registers() {
        return Collections.unmodifiableCollection(registers.values());
    }

    private void add(int opcode, String name, Consumer<Cmd> c) {
        commands.put(opcode, c);
        names.put(opcode, name);
    }

    byte[] execute(EmulatedDevice handle, byte[] in, int outLen) {
        byte[] out = new byte[outLen];
        int opcode = Mailbox.opcode(in);
        int uid = Mailbox.uid(in);
        if (hca.lastSeenUid != uid) hca.lastSeenUid = uid; // write only on change: a shared store per RPC stops threads scaling
        long[] injected = hca.faults.takeOpcode(opcode);
        if (injected != null) {
            Mailbox.setStatus(out, (int) injected[0], injected[1]);
            return out;
        }
        try {
            Consumer<Cmd> c = commands.get(opcode);
            if (c == null) {
                throw new FirmwareError(FwStatus.BAD_OP, "opcode.unknown",
                        "opcode 0x" + Integer.toHexString(opcode) + " is not implemented by the emulated firmware");
            }
            c.accept(new Cmd(handle, hca, in, out, names.get(opcode)));
        } catch (FirmwareError e) {
            Arrays.fill(out, (byte) 0);
            Mailbox.setStatus(out, e.status(), e.syndrome());
        } catch (InjectedRegisterFault e) {
            Arrays.fill(out, (byte) 0);
            Mailbox.setStatus(out, e.status, e.syndrome);
        }
        return out;
    }

    private void accessReg(Cmd c) {
        c.needIn(16);
        c.needOut(16);
        int id = (int) c.inField(0x08, 15, 0);
        long[] injected = hca.faults.takeRegister(id);
        if (injected != null) throw new InjectedRegisterFault((int) injected[0], injected[1]);
        Register r = registers.get(id);
        if (r == null) {
            throw FirmwareError.badParam("ACCESS_REG.unknown_register", "register 0x" + Integer.toHexString(id) + " is not modelled");
        }
        if (c.opMod > 1) {
            throw FirmwareError.badParam("ACCESS_REG.bad_op_mod", "op_mod " + c.opMod + " is neither 0 (write) nor 1 (read)");
        }
        c.needIn(16 + r.minSize);
        c.needOut(16 + r.minSize);
        System.arraycopy(c.in, 16, c.out, 16, Math.min(c.in.length, c.out.length) - 16);
        RegIo io = new RegIo(c, c.opMod == 0);
        if (io.write) r.write(io);
        else r.read(io);
    }

    /** An injected register fault carries its own syndrome rather than a hashed cause. */
    static final class InjectedRegisterFault extends RuntimeException {
        InjectedRegisterFault(int status, long syndrome) {
            super(null, null, false, false);
            this.status = status;
            this.syndrome = syndrome;
        }

        final int status;
        final long syndrome;
    }
}

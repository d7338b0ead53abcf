package fwsh.shell.pack;

import fwsh.base.ArgumentException;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.Scope;
import fwsh.channel.Umem;
import fwsh.wire.Catalog;
import fwsh.wire.CommandDef;
import fwsh.wire.Layout;
import fwsh.wire.RegisterDef;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A device's channel with the answer to one register or command changed, for a pack spec that needs a state the
 * emulator does not reach by itself: field values written over the reply, a firmware status, or an errno instead of
 * an answer. Requests and replies are read and written through the catalog's layouts, so it works on any backend.
 */
final class AnswerOverride implements Channel {
    private final Channel inner;
    private final Layout request;
    private final int opcode;
    private final Integer registerId;
    private final Layout reply;
    private final Layout data;
    private final int dataOffset;
    private final Map<String, ?> fields;
    private final String status;
    private final int errno;
    private final String name;

    private AnswerOverride(Channel inner, Catalog catalog, String name, Map<String, ?> fields, String status, int errno) {
        this.inner = inner;
        this.fields = Map.copyOf(fields);
        this.status = status;
        this.errno = errno;
        CommandDef accessReg = catalog.command("ACCESS_REG");
        this.request = accessReg.in();             // every command's input starts with opcode; ACCESS_REG's adds register_id
        Optional<RegisterDef> reg = catalog.findRegister(name);
        if (reg.isPresent()) {
            this.name = reg.get().name();
            this.opcode = accessReg.opcode();
            this.registerId = reg.get().id();
            this.reply = accessReg.out();
            this.data = reg.get().layout();
            this.dataOffset = accessReg.out().field("register_data").bitOffset() / 8;
        } else {
            CommandDef cmd = catalog.findCommand(name).orElseThrow(() -> new ArgumentException(
                    "no register or command '" + name + "' in the catalog; e.g. PMTU or QUERY_HCA_CAP"));
            if (cmd.out() == null) throw new ArgumentException(cmd.name() + " has no output layout to change");
            this.name = cmd.name();
            this.opcode = cmd.opcode();
            this.registerId = null;
            this.reply = cmd.out();
            this.data = cmd.out();
            this.dataOffset = 0;
        }
        // a misspelt field or status fails here, when the spec sets it up, not at the RPC
        if (!fields.isEmpty()) data.encode(fields);
        if (status != null) reply.encode(Map.of("status", status));
    }

    /** FIELDS of NAME's reply (a register's fields, or a command's output fields) read as given. */
    static AnswerOverride fields(Channel inner, Catalog catalog, String name, Map<String, ?> fields) {
        if (fields.isEmpty()) throw new ArgumentException("overrideAnswer('" + name + "'): give the fields to change, e.g. oper_mtu: 1500");
        return new AnswerOverride(inner, catalog, name, fields, null, 0);
    }

    /** NAME answers with firmware STATUS (a name of cmd_status, e.g. BAD_PARAM, or a number). */
    static AnswerOverride status(Channel inner, Catalog catalog, String name, String status) {
        return new AnswerOverride(inner, catalog, name, Map.of(), status, 0);
    }

    /** NAME is not answered: the RPC fails with ERRNO (EIO, ENODEV, ETIMEDOUT ...) as a kernel channel would. */
    static AnswerOverride errno(Channel inner, Catalog catalog, String name, String errno) {
        return new AnswerOverride(inner, catalog, name, Map.of(), null, errnoOf(errno));
    }

    private static int errnoOf(String text) {
        for (int e = 1; e < 134; e++) if (Errno.name(e).equalsIgnoreCase(text)) return e;
        throw new ArgumentException("unknown errno '" + text + "'; e.g. EIO, ENODEV, ETIMEDOUT, EBUSY");
    }

    private boolean matches(byte[] in) {
        if (in.length < request.sizeBytes()) return false;
        var head = request.view(in, 0);
        return head.getLong("opcode") == opcode && (registerId == null || head.getLong("register_id") == registerId);
    }

    @Override
    public byte[] rpc(Scope scope, byte[] in, int outLen) {
        if (errno != 0 && matches(in)) {
            throw new ChannelException(errno, info().name() + ": " + name + ": " + Errno.name(errno) + " (injected by the spec)");
        }
        byte[] out = inner.rpc(scope, in, outLen);
        if (!matches(in)) return out;
        if (status != null) reply.encodeInto(out, 0, Map.of("status", status));
        if (!fields.isEmpty()) data.encodeInto(out, dataOffset, fields);
        return out;
    }

    @Override
    public DeviceInfo info() {
        return inner.info();
    }

    @Override
    public boolean supportsUmem() {
        return inner.supportsUmem();
    }

    @Override
    public Umem registerUmem(long size) {
        return inner.registerUmem(size);
    }

    @Override
    public DeviceClock clock() {
        return inner.clock();
    }

    @Override
    public List<DeviceEvent> drainEvents() {
        return inner.drainEvents();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return "AnswerOverride(" + name + " on " + inner + ")";
    }
}

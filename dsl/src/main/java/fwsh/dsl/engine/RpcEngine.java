package fwsh.dsl.engine;

import fwsh.channel.Channel;
import fwsh.channel.DeviceInfo;
import fwsh.channel.FwctlPolicy;
import fwsh.channel.Mailbox;
import fwsh.channel.Scope;
import fwsh.wire.Catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends commands for one device: picks the minimum fwctl scope for the opcode, checks it against the
 * scope in force, journals state changes before sending, and turns a firmware status into one line.
 * No lock: concurrent callers go straight to the channel.
 */
public final class RpcEngine {
    private final Channel channel;
    private final ScopeGuard scopes;
    private final Journal journal;
    private final Consumer<String> warnings;
    private final Identity identity;
    private final RpcWaiter waiter;
    private final DeviceInfo info;
    private volatile boolean taintWarned;

    /** The device identity journaled with each write; psid/serial are read once, lazily. */
    public interface Identity {
        Map<String, Object> forJournal();
    }

    public RpcEngine(Channel channel, ScopeGuard scopes, Journal journal, Consumer<String> warnings, Identity identity,
              Duration timeout) {
        this.channel = channel;
        this.waiter = new RpcWaiter(channel, timeout);
        this.info = channel.info(); // fixed for a channel's life; read once, not per RPC
        this.scopes = scopes;
        this.journal = journal;
        this.warnings = warnings;
        this.identity = identity;
    }

    Channel channel() {
        return channel;
    }

    DeviceInfo info() {
        return info;
    }

    private volatile Supplier<Console> console = () -> Console.of(System.out);

    /** Where the values this engine decodes print their show() (the session's console). */
    public void setConsole(Supplier<Console> console) {
        this.console = console;
    }

    /** The console of the values this engine decodes, looked up when they print. */
    Supplier<Console> console() {
        return () -> console.get();
    }

    Decoded decoded(fwsh.wire.Value value) {
        return new Decoded(value, console());
    }

    /**
     * Decides once how a kind of command is admitted: the minimum fwctl scope for its opcode and the privilege
     * that needs. Commands fwctl never allows (object creation on mlx5ctl) count as full debug access unless
     * they are read-only queries; diagnostic-control objects are allowed read-only (they are still journaled).
     */
    Route route(String what, int opcode, int opMod, boolean stateChanging, String register) {
        Optional<Scope> min = FwctlPolicy.minScope(opcode, opMod);
        if (min.isEmpty() && info.fwctlPolicy()) return new Route(what, opcode, opMod, stateChanging, register, null, null);
        Scope scope = min.orElse(stateChanging ? Scope.DEBUG_WRITE_FULL : Scope.DEBUG_READ_ONLY);
        boolean control = RpcRequest.DIAGNOSTIC_CONTROL.contains(register != null ? register : what);
        Privilege needed = control ? Privilege.DEBUG_READ_ONLY : Privilege.required(scope, stateChanging);
        return new Route(what, opcode, opMod, stateChanging, register, scope, needed);
    }

    /** Sends and returns the output mailbox; throws FirmwareStatusException on a non-zero status. */
    byte[] send(RpcRequest r) {
        byte[] out = sendRaw(r);
        int status = Mailbox.status(out);
        if (status != 0) {
            Catalog c = Catalog.builtin();
            throw new FirmwareStatusException(r.route().what(), status, c.statusName(status), c.statusText(status), Mailbox.syndrome(out));
        }
        return out;
    }

    /**
     * A raw mailbox ({@code dev.rpc(bytes, outlen)}), returned whatever its status. It is admitted as a state
     * change unless its command is a query or fwctl allows it at debug-read-only.
     */
    public RawReply rawRpc(byte[] in, int outLen) {
        RpcArguments.length("dev.rpc", "input mailbox length", in.length, info, 16);
        RpcArguments.length("dev.rpc", "outlen", outLen, info, 16);
        int opcode = Mailbox.opcode(in);
        int opMod = Mailbox.opMod(in);
        String name = Catalog.builtin().opcodeName(opcode);
        boolean query = name != null && Commands.isRead(name);
        boolean write = !(query || FwctlPolicy.minScope(opcode, opMod).filter(s -> s == Scope.DEBUG_READ_ONLY).isPresent());
        String what = (name == null ? "opcode 0x" + Integer.toHexString(opcode) : name) + " (raw)";
        return new RawReply(sendRaw(new RpcRequest(route(what, opcode, opMod, write, null), in, outLen,
                Map.of("in", Hexdump.of(in).trim()), null)));
    }

    /** Sends and returns the output mailbox whatever its status (for dev.rpc). */
    byte[] sendRaw(RpcRequest r) {
        Route route = r.route();
        admit(route);
        if (route.stateChanging()) journal(r);
        return waiter.call(route.what(), route.scope(), r.in(), r.outLen());
    }

    /** Refuses, naming the command, the scope it needs and how to grant it, unless the scope in force covers it. */
    private void admit(Route r) {
        if (r.scope() == null) {
            throw new ScopeRefusedException(r.what() + " (opcode 0x" + Integer.toHexString(r.opcode())
                    + ") is not allowed through fwctl at any scope (the kernel filters it); use a device on the mlx5ctl transport");
        }
        Privilege needed = r.needed();
        Privilege active = scopes.active();
        if (!active.covers(needed)) {
            String grant = scopes.ceiling().covers(needed)
                    ? "wrap it in withScope('" + needed + "') { ... }"
                    : "start fwsh with --scope " + needed + " and wrap it in withScope('" + needed + "') { ... }";
            throw new ScopeRefusedException(r.what() + " needs scope '" + needed + "' but the scope in force is '"
                    + active + "'; " + grant);
        }
        if (r.scope().taintsKernel() && info.fwctlPolicy() && !taintWarned) {
            taintWarned = true;
            warnings.accept("warning: " + r.what() + " is sent at fwctl scope '" + r.scope()
                    + "', which taints the kernel (taint flag J) until reboot");
        }
    }

    /**
     * The journal line: {@code sent_scope} is the fwctl scope the RPC went out at, or "none" on a transport without
     * scopes (mlx5ctl, real or emulated); {@code fwctl_min_scope} the least scope fwctl allows the opcode at ("not
     * allowed" when fwctl filters it); {@code session_scope} the scope in force that admitted it. Lines written before
     * these fields had one {@code scope}: the fwctl minimum, or debug-write-full for what fwctl does not allow.
     */
    private void journal(RpcRequest r) {
        Route route = r.route();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("device", identity.forJournal());
        e.put("sent_scope", info.fwctlPolicy() ? route.scope().label : "none");
        e.put("fwctl_min_scope", FwctlPolicy.minScope(route.opcode(), route.opMod()).map(s -> s.label).orElse("not allowed"));
        e.put("session_scope", scopes.active().toString());
        e.put("command", route.what());
        e.put("opcode", "0x" + Integer.toHexString(route.opcode()));
        e.put("op_mod", route.opMod());
        if (route.register() != null) e.put("register", route.register());
        if (r.fields() != null) e.put("fields", r.fields());
        if (r.before() != null) {
            try {
                Object before = r.before().get();
                e.put("before", before instanceof Decoded d ? d.toMap() : before);
            } catch (RuntimeException unreadable) {
                e.put("before_error", unreadable.getMessage());
            }
        }
        journal.append(e);
    }
}

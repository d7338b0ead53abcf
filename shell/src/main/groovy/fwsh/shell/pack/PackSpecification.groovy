package fwsh.shell.pack

import fwsh.base.ArgumentException
import fwsh.base.FwshException
import fwsh.channel.Scope
import fwsh.dsl.Device
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.engine.Privilege
import spock.lang.Specification

import java.nio.file.Path
import java.time.Duration

/**
 * Base class for a pack's specs. Each feature gets a fresh session from fwsh test (the emulator, or the
 * recording given with --replay) with the scope ceiling the manifest and the command line allow; it is
 * opened on first use and closed after the feature.
 */
abstract class PackSpecification extends Specification {
    private Session packSession
    /** Devices this feature added with clock: 'virtual', whose time advance() moves. */
    private final List<Device> virtualClocks = []

    /** This feature's session (opened on first use). */
    Session getSession() {
        if (packSession == null) packSession = PackContext.current().openSession()
        packSession
    }

    /**
     * Makes this feature's session a replay of FILE (relative to the pack folder), e.g. a capture made on
     * hardware with fwsh --record and kept under recordings/; mode matched (default) or ordered.
     */
    Session useRecording(String file, String mode = 'matched') {
        virtualClocks.clear()
        packSession?.close()
        packSession = null
        packSession = PackContext.current().openReplay(packDir.resolve(file), mode)
    }

    /**
     * Makes this feature's session a fresh one whose ceiling is the lower of SCOPE and what fwsh test grants,
     * to check how a script behaves with less scope; it cannot raise the ceiling.
     */
    Session lowerCeiling(String scope) {
        Privilege limit = Privilege.of(Scope.parse(scope))
        virtualClocks.clear()
        packSession?.close()
        packSession = null
        packSession = PackContext.current().openSession(limit)
    }

    /**
     * Whether fwsh test grants SCOPE (the lower of the manifest's scope and --scope covers it); for features
     * that need more than debug-read-only: {@code @Requires({ PackSpecification.granted('configuration') })}
     * skips them, counted as skipped, when the run does not grant it.
     */
    static boolean granted(String scope) {
        PackContext.current().ceiling().covers(Privilege.of(Scope.parse(scope)))
    }

    /** The session's first device. */
    Device getDevice() {
        session.device(0)
    }

    /** The pack folder (the one holding pack.properties). */
    Path getPackDir() {
        PackContext.current().packDir()
    }

    /** Runs scripts/NAME with arguments; returns its printed text (out, lines), return value (result) and exitCode. */
    ScriptResult run(String script, String... args) {
        PackContext.current().run(session, script, args as List<String>)
    }

    ScriptResult run(String script, List<String> args) {
        PackContext.current().run(session, script, args)
    }

    /** Evaluates DSL code in the session (to set up state between script runs); returns its value. */
    Object eval(String code) {
        new ScriptRunner(session).run(code, 'spec.groovy', [])
    }

    /**
     * Attaches one more emulated device to this feature's session and returns it (it is closed with the session):
     * SPEC as for --emulate ('cx7ib:fwctl', 'cx6dx'; the personality is mlx5ctl unless named), SETTINGS the
     * profile properties to change ('traffic.fcsErrorRate': '1e-4', 'pcie.widthActive': '3'), seed: N (the
     * emulator's random seed) and clock: 'virtual' (device time stands still until advance()). Scripts reach it
     * with --device N, or as their dev after useDevice(it).
     */
    Device addDevice(Map settings = [:], String spec) {
        Device d = session.attachEmulated(spec, settings)
        if (settings.clock == 'virtual') virtualClocks << d
        d
    }

    /** Makes D the scripts' dev (in run and eval) for the rest of this feature; returns it. */
    Device useDevice(Device d) {
        session.binding().setVariable('dev', d)
        d
    }

    /** Moves device time forward by TIME on every device this feature added with clock: 'virtual'. */
    void advance(Duration time) {
        if (virtualClocks.isEmpty()) {
            throw new FwshException("advance($time): no device on a virtual clock; add one with addDevice(PROFILE, clock: 'virtual')")
        }
        virtualClocks.each { it.emu.advance(time) }
    }

    /**
     * Attaches a view of ON (default the first device) whose answers to NAME (a register, or a command's output)
     * carry FIELDS, e.g. overrideAnswer('PMTU', oper_mtu: 1500); everything else it answers as ON does. Returns the
     * view, the session's next device.
     */
    Device overrideAnswer(Map fields, String name, Device on = null) {
        Device of = on ?: device
        session.attachView(AnswerOverride.fields(of.rawChannel(), session.catalog(), name, fields), of)
    }

    /**
     * Attaches a view of ON (default the first device) whose NAME (a register or command) fails: with firmware
     * status: 'BAD_PARAM_ERR' (a cmd_status name or number) in the reply, or with errno: 'EIO' instead of a reply.
     * Returns the view, the session's next device.
     */
    Device failAnswer(Map how, String name, Device on = null) {
        Device of = on ?: device
        if (how.keySet() == ['status'] as Set) {
            return session.attachView(AnswerOverride.status(of.rawChannel(), session.catalog(), name, how.status as String), of)
        }
        if (how.keySet() == ['errno'] as Set) {
            return session.attachView(AnswerOverride.errno(of.rawChannel(), session.catalog(), name, how.errno as String), of)
        }
        throw new ArgumentException("failAnswer('$name', ${how.keySet().join(', ')}): give status: NAME or errno: NAME")
    }

    def cleanup() {
        packSession?.close()
        packSession = null
    }

    // ---- support bundles (fwsh bundle) ----

    /**
     * Runs fwsh bundle on this pack's device source (a fresh, recorded, read-only session of what fwsh test runs on)
     * into FILE, relative to this run's scratch folder. Options as on the command line, as strings: countersOver:,
     * traceFor:, timeout: ('100ms', '2s'), device: (one selector). Returns the bundle's manifest with {@code file},
     * the bundle's path (give it to useRecording to replay the bundle), and {@code status}, the exit status fwsh
     * bundle would give.
     */
    Map bundle(String file, Map options = [:]) {
        def known = ['countersOver', 'traceFor', 'timeout', 'device']
        def unknown = options.keySet().findAll { !(it in known) }
        if (unknown) throw new IllegalArgumentException("bundle: unknown option ${unknown.join(', ')}; options: ${known.join(', ')}")
        def interval = { String k, java.time.Duration dflt -> options[k] == null ? dflt : new fwsh.shell.cli.Converters.Interval().convert(options[k] as String) }
        def settings = new fwsh.shell.bundle.BundleSettings(interval('countersOver', fwsh.shell.bundle.BundleSettings.DEFAULT_INTERVAL),
                interval('traceFor', fwsh.shell.bundle.BundleSettings.DEFAULT_INTERVAL), interval('timeout', fwsh.shell.bundle.BundleSettings.DEFAULT_TIMEOUT),
                options.device == null ? [] : [options.device as String])
        def r = PackContext.current().bundle(file, settings)
        new LinkedHashMap(r.manifest()) + [file: r.file().toString(), status: r.status()]
    }

    /** The text of ENTRY in a bundle (a name inside it: 'manifest.json', 'devices/emu0/health-port1.txt'). */
    String bundleEntry(String bundleFile, String entry) {
        fwsh.shell.bundle.BundleReader.text(Path.of(bundleFile), entry)
    }
}

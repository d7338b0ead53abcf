package fwsh.shell.pack

import fwsh.channel.Scope
import fwsh.dsl.Device
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.engine.Privilege
import spock.lang.Specification

import java.nio.file.Path

/**
 * Base class for a pack's specs. Each feature gets a fresh session from fwsh test (the emulator, or the
 * recording given with --replay) with the scope ceiling the manifest and the command line allow; it is
 * opened on first use and closed after the feature.
 */
abstract class PackSpecification extends Specification {
    private Session packSession

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

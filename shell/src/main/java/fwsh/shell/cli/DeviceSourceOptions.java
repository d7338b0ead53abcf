package fwsh.shell.cli;

import fwsh.dsl.SessionOptions;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Stack;

/**
 * --emulate, --replay and --replay-mode: where a session's devices come from instead of hardware. Shared by
 * fwsh itself and {@code fwsh test} (a picocli mixin). {@link #check} refuses the combinations that make no
 * sense; picocli already refuses an option given twice.
 */
public final class DeviceSourceOptions {
    /** --emulate given (with or without a SPEC). */
    public boolean emulate;
    /** The SPEC of --emulate=SPEC, or null for the default device. */
    public String emulateProfile;

    @Option(names = "--replay", paramLabel = "FILE", order = 3, converter = Converters.NonBlankPath.class,
            description = "serve a recording (made with --record) back as the devices it recorded, instead of hardware or the emulator")
    public Path replay;

    @Option(names = "--replay-mode", paramLabel = "MODE", order = 4, converter = Converters.ReplayModeValue.class,
            completionCandidates = Converters.ReplayModeNames.class,
            description = "how --replay matches requests: matched (default: any recorded identical request) or ordered (strictly in turn)")
    public String replayMode;

    @Option(names = "--emulate", paramLabel = "SPEC", arity = "0..1", order = 2, preprocessor = ValueOnlyWithEquals.class,
            converter = Converters.EmulationValue.class, completionCandidates = Converters.EmulationNames.class,
            description = "the emulated ConnectX, no hardware: SPEC is PROFILE[:PERSONALITY] (cx6dx, cx7, cx7ib; fwctl or mlx5ctl),"
                    + " comma-separated for several devices; default cx6dx:mlx5ctl. The value only with '=': --emulate x.groovy runs x.groovy")
    void emulate(String spec) {
        emulate = true;
        emulateProfile = spec.isEmpty() ? null : spec;
    }

    /** Puts what was given into {@code s}: emulated devices, or the recording to replay and how. */
    public void applyTo(SessionOptions s) {
        if (emulate) s.emulate(emulateProfile);
        s.replay = replay;
        s.replayMode = replayMode;
    }

    /** Usage errors picocli cannot see: --emulate with --replay, --replay-mode without --replay. */
    public void check() {
        if (emulate && replay != null) throw new UsageException("--emulate and --replay both name the device; use one");
        if (replayMode != null && replay == null) throw new UsageException("--replay-mode needs --replay FILE");
    }

    /**
     * An optional value only when attached with '=': "--emulate x.groovy" leaves x.groovy for the script, as
     * "--emulate" without a value.
     */
    public static final class ValueOnlyWithEquals implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                args.push("");
            } else if (!args.isEmpty() && args.peek().isEmpty()) {
                throw new ParameterException(command.commandLine(), "--emulate= needs a SPEC, such as --emulate=cx7 (or plain --emulate)");
            }
            return false;
        }
    }
}

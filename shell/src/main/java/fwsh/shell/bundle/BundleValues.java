package fwsh.shell.bundle;

import fwsh.channel.Scope;
import fwsh.shell.cli.Converters;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;


/** {@code fwsh bundle}'s option values, checked while the command line is parsed (a bad one is exit 2). */
final class BundleValues {
    private BundleValues() {
    }

    /** A bundle only reads: its ceiling is debug-read-only, and asking for more is a usage error. */
    static final class ReadOnlyScope implements ITypeConverter<Scope> {
        @Override
        public Scope convert(String text) {
            Scope s = new Converters.ScopeValue().convert(text);
            if (s != Scope.DEBUG_READ_ONLY) {
                throw new TypeConversionException("'" + text + "' is refused: fwsh bundle only reads, its ceiling is debug-read-only");
            }
            return s;
        }
    }
}

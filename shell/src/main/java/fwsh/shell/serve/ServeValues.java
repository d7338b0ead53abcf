package fwsh.shell.serve;

import fwsh.channel.Scope;
import fwsh.shell.cli.Converters;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code fwsh serve}'s option values, checked while the command line is parsed (a bad one is exit 2). */
final class ServeValues {
    /** The port when --listen gives none. */
    static final int DEFAULT_PORT = 9479;

    private ServeValues() {
    }

    /** ADDR:PORT, :PORT (every interface) or [IPv6]:PORT; port 0 picks a free one. */
    static final class Listen implements ITypeConverter<InetSocketAddress> {
        private static final Pattern FORM = Pattern.compile("(?:\\[([0-9a-fA-F:.]+)]|([^:\\[\\]]*)):(\\d{1,5})");

        @Override
        public InetSocketAddress convert(String text) {
            Matcher m = FORM.matcher(text);
            if (!m.matches()) throw new TypeConversionException("'" + text + "' is not ADDR:PORT (127.0.0.1:" + DEFAULT_PORT + ", :" + DEFAULT_PORT + ", [::1]:" + DEFAULT_PORT + ")");
            int port = Integer.parseInt(m.group(3));
            if (port > 65535) throw new TypeConversionException("port " + port + " is above 65535");
            String host = m.group(1) != null ? m.group(1) : m.group(2);
            if (host.isEmpty()) return new InetSocketAddress(port);
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new TypeConversionException("unknown host '" + host + "'");
            }
        }
    }

    /** serve is read-only: its ceiling is debug-read-only, and asking for more is a usage error. */
    static final class ReadOnlyScope implements ITypeConverter<Scope> {
        @Override
        public Scope convert(String text) {
            Scope s = new Converters.ScopeValue().convert(text);
            if (s != Scope.DEBUG_READ_ONLY) {
                throw new TypeConversionException("'" + text + "' is refused: fwsh serve only reads, its ceiling is debug-read-only");
            }
            return s;
        }
    }
}

package fwsh.shell;

import fwsh.channel.DeviceInfo;
import fwsh.channel.Transport;
import fwsh.dsl.Device;
import fwsh.dsl.Session;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

import java.nio.file.Path;
import java.util.List;

/** The bottom line: current device and scope. Silently absent where the terminal has no scroll region. */
final class StatusLine {
    private final Session session;
    private final Terminal terminal;
    private final Status status;
    private List<String> view = List.of();

    StatusLine(Terminal terminal, Session session) {
        this.session = session;
        this.terminal = terminal;
        Status s = Repl.isDumb(terminal) ? null : Status.getStatus(terminal);
        this.status = s;
    }

    synchronized void update() {
        if (status == null) return;
        try {
            status.update(List.of(new AttributedString(text(), AttributedStyle.INVERSE)));
        } catch (RuntimeException e) {
            // Terminals that claim but lack the capability: the status line is a nicety, never an error.
        }
    }

    /**
     * Shows {@code lines} (a live view's table) above the device/scope line; an empty list removes them.
     * On terminals without a status area the lines are not shown (breach lines still print).
     */
    synchronized void show(List<String> lines) {
        view = List.copyOf(lines);
        if (status == null) return;
        try {
            // A line wider than the terminal would wrap and push the status area out of place.
            int width = Math.max(1, terminal.getWidth() - 1);
            List<AttributedString> all = new java.util.ArrayList<>();
            for (String l : lines) all.add(new AttributedString(l).columnSubSequence(0, width));
            all.add(new AttributedString(text(), AttributedStyle.INVERSE));
            status.update(all);
        } catch (RuntimeException e) {
            // see update()
        }
    }

    /** After a terminal resize (SIGWINCH): the status area moves to the new bottom and the live view is redrawn. */
    synchronized void resize() {
        if (status == null) return;
        try {
            status.resize(terminal.getSize());
        } catch (RuntimeException e) {
            // see update()
        }
        show(view);
    }

    /** Before the process stops (Ctrl-Z): the status area is cleared and the whole screen scrolls again. */
    synchronized void suspend() {
        if (status == null) return;
        try {
            status.update(List.of());
            status.close();
        } catch (RuntimeException e) {
            // see update()
        }
    }

    /** After {@code fg}: the status area comes back at the bottom, with the live view if one is showing. */
    synchronized void resume() {
        resize();
    }

    /** " fwsh  device: emu0 EMULATED cx6dx  scope: debug-read-only ": a fake device says so all session long. */
    String text() {
        return " fwsh  device: " + deviceName() + origin() + "  scope: " + scope() + " ";
    }

    /** " EMULATED profile" or " REPLAY file" when dev is not hardware, else nothing. */
    String origin() {
        Object dev = session.binding().hasVariable("dev") ? session.binding().getVariable("dev") : null;
        if (!(dev instanceof Device d)) return "";
        DeviceInfo info = d.rawChannel().info();
        if (info.transport() == Transport.EMULATED) return " EMULATED" + (info.profile() == null ? "" : " " + info.profile());
        if (info.transport() == Transport.REPLAY) {
            Path file = session.options().replay;
            return " REPLAY" + (file == null ? "" : " " + file.getFileName());
        }
        return "";
    }

    String deviceName() {
        Object dev = session.binding().hasVariable("dev") ? session.binding().getVariable("dev") : null;
        if (dev instanceof Device d) return d.getName();
        if (dev == null) return "none";
        try {
            // Anything else a user assigned to dev: its name property if it has one.
            var p = org.codehaus.groovy.runtime.InvokerHelper.getMetaClass(dev).hasProperty(dev, "name");
            if (p != null) return String.valueOf(p.getProperty(dev));
        } catch (RuntimeException e) {
            // fall back to the type
        }
        return dev.getClass().getSimpleName();
    }

    String scope() {
        return SessionInfo.activeScope(session);
    }

    void close() {
        if (status == null) return;
        try {
            status.update(List.of());
            status.close();
        } catch (RuntimeException e) {
            // see update()
        }
    }
}

package fwsh.shell;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-Z in the REPL, at the prompt or while an evaluation runs: hands the shell a clean terminal (status area
 * and its scroll region gone, the modes fwsh started with), stops the process as the default SIGTSTP action
 * would, and after {@code fg} puts the terminal mode and the status area back and redraws.
 */
final class Suspend {
    private final Terminal terminal;
    private final StatusLine status;
    private final Attributes startModes;
    private final Runnable redraw;

    Suspend(Terminal terminal, StatusLine status, Runnable redraw) {
        this.terminal = terminal;
        this.status = status;
        this.startModes = terminal.getAttributes();
        this.redraw = redraw;
    }

    void install() {
        terminal.handle(Signal.TSTP, s -> stop());
    }

    private synchronized void stop() {
        Attributes modes = terminal.getAttributes();
        status.suspend();
        terminal.setAttributes(startModes);
        terminal.writer().flush();
        // With the default disposition back, SIGTSTP to our process group (as the kernel sends Ctrl-Z) stops the
        // JVM; this thread goes on after fg.
        terminal.handle(Signal.TSTP, SignalHandler.SIG_DFL);
        // The line reader's own SIGCONT redraw would race with ours: it sits this one out. SIGCONT reaches its
        // handler on another thread, possibly after kill(1) has returned, so wait for it before handing back.
        CountDownLatch resumed = new CountDownLatch(1);
        SignalHandler readerCont = terminal.handle(Signal.CONT, s -> resumed.countDown());
        try {
            new ProcessBuilder("kill", "-TSTP", "0").inheritIO().start().waitFor();
            resumed.await(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the process keeps running, which is the safe failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Signal.CONT, readerCont);
            install();
            terminal.setAttributes(modes);
            status.resume();
            redraw.run();
        }
    }
}

package fwsh.dsl;

import fwsh.base.FwshException;

import java.util.List;

/**
 * A session that must run on hardware found none to run on: discovery listed no usable device (of the
 * transport asked for), or not the node {@code --device} named. Nothing was sent. {@link #report()} is the
 * discovery report, one line per node with its status and reason.
 */
public final class NoUsableDeviceException extends FwshException {
    private final String summary;
    private final List<String> report;

    public NoUsableDeviceException(String summary, List<String> report) {
        super(report.isEmpty() ? summary : summary + "\n  " + String.join("\n  ", report));
        this.summary = summary;
        this.report = List.copyOf(report);
    }

    /** One line: what was looked for and not found. */
    public String summary() {
        return summary;
    }

    public List<String> report() {
        return report;
    }
}

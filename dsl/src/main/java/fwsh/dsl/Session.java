package fwsh.dsl;

import groovy.lang.Binding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One user session: the devices in reach, the scope ceiling, the journal. The REPL, a batch run and a
 * spec each open one; closing it releases everything the scripts left behind (umem, tracer ownership).
 */
public final class Session implements AutoCloseable {
    private final SessionOptions options;
    private final List<Device> devices = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Binding binding = new Binding();
    private volatile boolean closed;

    private Session(SessionOptions options) {
        this.options = options;
    }

    public static Session open(SessionOptions options) {
        Session s = new Session(options);
        DeviceSources.populate(s, options);
        s.binding.setVariable("session", s);
        s.binding.setVariable("devices", s.devices());
        if (!s.devices.isEmpty()) s.binding.setVariable("dev", s.devices.get(0));
        return s;
    }

    public SessionOptions options() {
        return options;
    }

    public List<Device> devices() {
        return Collections.unmodifiableList(devices);
    }

    void addDevice(Device d) {
        devices.add(d);
    }

    void note(String line) {
        notes.add(line);
    }

    /** Lines for the start-up banner: what was found, and what to do when it is not what the user expected. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>(notes);
        if (devices.isEmpty()) lines.add("no devices");
        for (int i = 0; i < devices.size(); i++) lines.add("[" + i + "] " + devices.get(i).summary());
        return lines;
    }

    /** The variables scripts see: session, devices, dev (the first device), plus whatever scripts define. */
    public Binding binding() {
        return binding;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Device d : devices) d.close();
    }
}

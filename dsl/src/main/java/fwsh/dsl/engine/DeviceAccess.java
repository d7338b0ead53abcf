package fwsh.dsl.engine;

import fwsh.channel.Channel;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the features built on the engine (tracer, counters, resource dump) use of a device. {@code fwsh.dsl.Device}
 * implements it and composes the features, so they depend on this interface and never on the device class.
 */
public interface DeviceAccess {
    String getName();

    /** Transport, type, uid, caps and PCI from the channel; firmware version and PSID from the device. */
    Map<String, Object> getInfo();

    Registers getReg();

    Capabilities getCap();

    Commands getCmd();

    /** The backend itself: bypasses the session's scope ceiling and journal. */
    Channel rawChannel();

    /** A raw mailbox through the engine: scope ceiling and journal kept. */
    RawReply rpc(byte[] in, int outLen);

    /** Registers {@code size} bytes of user memory; released on close, device close or session end. */
    DeviceUmem umem(long size);

    /** The session's live view (the REPL's status area), or null in batch runs. */
    Consumer<List<String>> liveView();

    /** Where the device's verbs (tail, capture, watch) print unless told otherwise. */
    Appendable output();

    /** Where show() and help() print (paged in the REPL), with the width to fit. */
    Console console();

    /** The session's write journal (features add outcome lines, e.g. which NV items a failed set did write). */
    Journal journal();

    /** Tracks a resource (tracer, sampler) so closing the device releases it. */
    void track(AutoCloseable resource);

    void untrack(AutoCloseable resource);
}

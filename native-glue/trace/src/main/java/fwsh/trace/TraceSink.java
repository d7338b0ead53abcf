package fwsh.trace;

/** Receives decoded messages. The message object is reused: copy what you keep ({@link TraceMessage#toRecord()}). */
@FunctionalInterface
public interface TraceSink {
    void onMessage(TraceMessage message);
}

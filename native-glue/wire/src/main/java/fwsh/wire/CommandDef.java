package fwsh.wire;

/** A firmware command: opcode and its input/output mailbox layouts (either may be null if not catalogued). */
public record CommandDef(String name, int opcode, Layout in, Layout out, String description) {
    @Override
    public String toString() {
        return String.format("%s (0x%x) in=%s out=%s", name, opcode, in == null ? "-" : in.name(), out == null ? "-" : out.name());
    }
}

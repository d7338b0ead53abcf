package fwsh.wire;

/** A command status code (MLX5_CMD_STAT_*) with the kernel's text for it. */
public record StatusDef(int value, String name, String text) {
}

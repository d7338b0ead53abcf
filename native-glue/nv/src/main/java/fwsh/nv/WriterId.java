package fwsh.nv;

/** The config item header's writer_id: who configured an item (ADB config_item_ext.writer_id enum). */
public final class WriterId {
    public static final int UNSPECIFIED = 0x0;
    public static final int COMMAND_INTERFACE = 0x4;

    private WriterId() {
    }

    public static String name(int id) {
        return switch (id) {
            case 0x0 -> "UNSPECIFIED";
            case 0x1 -> "CHASSIS_BMC";
            case 0x2 -> "MAD";
            case 0x3 -> "BMC";
            case 0x4 -> "COMMAND_INTERFACE";
            case 0x5 -> "ICMD";
            case 0x6 -> "ICMD_UEFI_HII";
            case 0x7 -> "ICMD_UEFI_CLP";
            case 0x8 -> "ICMD_Flexboot";
            case 0x9 -> "ICMD_mlxconfig";
            case 0xa -> "ICMD_USER1";
            case 0xb -> "ICMD_USER2";
            case 0xc -> "ICMD_MLXCONFIG_SET_RAW";
            case 0xd -> "ICMD_FLEXBOOT_CLP";
            case 0x10 -> "BMC_APP1";
            case 0x11 -> "BMC_APP2";
            case 0x12 -> "BMP_APP3";
            case 0x1f -> "OTHER";
            default -> "0x" + Integer.toHexString(id);
        };
    }

    /** The id for a name (any case) or a number. */
    public static int parse(String text) {
        for (int i = 0; i <= 0x1f; i++) if (name(i).equalsIgnoreCase(text.trim())) return i;
        return (int) ParamDef.parseNumber(text);
    }
}

package fwsh.dsl.ports;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.DeviceAccess;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module behind a port: PMLP maps the port's first lane to a module number, MCIA reads its EEPROM. The
 * identity fields sit in upper page 00h at SFF-8636 offsets (QSFP, QSFP+, QSFP28) or CMIS offsets (QSFP-DD, OSFP).
 */
final class Modules {
    private static final int I2C_LOW = 0x50;
    private static final Map<Integer, String> IDENTIFIERS = Map.of(0x0c, "QSFP", 0x0d, "QSFP+", 0x11, "QSFP28",
            0x18, "QSFP-DD", 0x19, "OSFP", 0x1e, "QSFP+ (CMIS)", 0x03, "SFP");

    private Modules() {
    }

    static int number(DeviceAccess device, int localPort) {
        Decoded pmlp = device.getReg().get("PMLP").read(Map.of("local_port", localPort));
        return (int) (((Number) pmlp.raw("lane0_module_mapping")).longValue() & 0xff);
    }

    /** type, vendor, pn, sn. */
    static Map<String, Object> identity(DeviceAccess device, int module) {
        int id = read(device, module, 0, 1)[0] & 0xff;
        boolean cmis = id == 0x18 || id == 0x19 || id == 0x1e;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", IDENTIFIERS.getOrDefault(id, String.format("identifier 0x%02x", id)));
        m.put("vendor", text(read(device, module, cmis ? 129 : 148, 16)));
        m.put("pn", text(read(device, module, cmis ? 148 : 168, 16)));
        m.put("sn", text(read(device, module, cmis ? 166 : 196, 16)));
        return m;
    }

    private static byte[] read(DeviceAccess device, int module, int address, int size) {
        Decoded r = device.getReg().get("MCIA").read(Map.of("module", module, "i2c_device_address", I2C_LOW,
                "page_number", 0, "device_address", address, "size", size));
        Object status = r.getProperty("status");
        if (((Number) status).longValue() != 0) {
            throw new FwshException("module " + module + ": MCIA status " + status + " reading byte " + address);
        }
        List<?> dwords = (List<?>) r.getProperty("dword");
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (((Number) dwords.get(i / 4)).longValue() >>> (24 - 8 * (i % 4)));
        return b;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    }
}

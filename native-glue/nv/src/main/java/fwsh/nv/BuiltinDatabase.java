package fwsh.nv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The built-in parameter list ({@code fwsh/nv/builtin-params.tsv}): the items operators set most, as rows of
 * mstflint's tables, tab-separated: {@code tlv} rows (name, id, class, size, cap, target, mlxconfig_name), then
 * {@code param} rows with the params table's columns.
 */
public final class BuiltinDatabase {
    static final String RESOURCE = "fwsh/nv/builtin-params.tsv";
    private static volatile NvDatabase cached;

    private BuiltinDatabase() {
    }

    public static NvDatabase get() {
        NvDatabase d = cached;
        if (d == null) cached = d = read();
        return d;
    }

    private static NvDatabase read() {
        InputStream in = BuiltinDatabase.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
        NvDatabase.Builder b = new NvDatabase.Builder("built-in list");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t", -1);
                try {
                    if (c[0].equals("tlv")) {
                        b.tlv(new TlvDef(c[1], Integer.parseInt(c[2]), NvClass.of(Integer.parseInt(c[3])), Integer.parseInt(c[4]),
                                c[5].equals("1"), c[6], c[7]));
                    } else if (c[0].equals("param")) {
                        b.param(new ParamDef(c[1], c[2], c[3], c[4], ParamType.parse(c[5]), c[6], c[7], c[16].replace("\\n", "\n"),
                                c[8], c[9], c[10], c[11], c[12], c[13], Integer.parseInt(c[14]), Integer.parseInt(c[15])));
                    } else {
                        throw new NvException("a row starts with tlv or param, not '" + c[0] + "'");
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException(RESOURCE + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return b.build();
    }
}

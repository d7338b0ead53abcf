package fwsh.nv;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads mstflint's {@code mlxconfig_dbs/mlxconfig_host.db} (SQLite: a {@code tlvs} and a {@code params} table) through
 * the xerial SQLite JDBC driver, read-only. Columns an older database lacks (array_length, supported_from_version)
 * read as 0.
 */
public final class MstflintDatabase {
    private MstflintDatabase() {
    }

    public static NvDatabase read(Path file) {
        if (!Files.isRegularFile(file)) throw new NvException("no mstflint parameter database at " + file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        NvDatabase.Builder b = new NvDatabase.Builder("mstflint database " + file);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT * FROM tlvs")) {
                Set<String> cols = columns(r);
                while (r.next()) {
                    NvClass cls = NvClass.of(r.getInt("class"));
                    if (cls == null) continue; // classes no NIC answers (8: switch global)
                    b.tlv(new TlvDef(r.getString("name"), r.getInt("id"), cls, r.getInt("size"), r.getInt("cap") == 1,
                            text(r, cols, "target"), text(r, cols, "mlxconfig_name")));
                }
            }
            try (ResultSet r = st.executeQuery("SELECT * FROM params")) {
                Set<String> cols = columns(r);
                while (r.next()) {
                    String tlv = r.getString("tlv_name");
                    b.param(new ParamDef(r.getString("name"), tlv, r.getString("offset"), r.getString("size"),
                            ParamType.parse(r.getString("type")), text(r, cols, "textual_values"), text(r, cols, "mlxconfig_name"),
                            text(r, cols, "description"), text(r, cols, "dependency"), text(r, cols, "valid_bit"),
                            text(r, cols, "temp_vars"), text(r, cols, "min_val"), text(r, cols, "max_val"), text(r, cols, "rule"),
                            number(r, cols, "array_length"), number(r, cols, "supported_from_version")));
                }
            }
        } catch (SQLException e) {
            throw new NvException("cannot read the mstflint parameter database " + file + ": " + e.getMessage());
        } catch (NvException e) {
            throw new NvException("the mstflint parameter database " + file + " has a row fwsh cannot use: " + e.getMessage());
        }
        return b.build();
    }

    private static Set<String> columns(ResultSet r) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        Set<String> out = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnName(i));
        return out;
    }

    private static String text(ResultSet r, Set<String> cols, String col) throws SQLException {
        return cols.contains(col) ? r.getString(col) : null;
    }

    private static int number(ResultSet r, Set<String> cols, String col) throws SQLException {
        if (!cols.contains(col)) return 0;
        String s = r.getString(col);
        return s == null || s.isBlank() ? 0 : Integer.parseInt(s.trim());
    }
}

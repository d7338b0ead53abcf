package fwsh.dsl.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One record of the RESOURCE_DUMP menu (segment 0xFFFF): a dumpable segment type and how it is indexed. */
public final class MenuRecord {
    static final int BYTES = 0x34;

    private final int segmentType;
    private final String name;
    private final String index1Name;
    private final String index2Name;
    private final int flags;

    MenuRecord(int segmentType, String name, String index1Name, String index2Name, int flags) {
        this.segmentType = segmentType;
        this.name = name;
        this.index1Name = index1Name;
        this.index2Name = index2Name;
        this.flags = flags;
    }

    public int getSegmentType() { return segmentType; }
    public String getName() { return name; }
    public String getIndex1Name() { return index1Name; }
    public String getIndex2Name() { return index2Name; }

    // Flag bits of the record's first dword (resource_dump_menu_record), bit numbers as in the PRM.
    public boolean isSupportIndex1() { return bit(16); }
    public boolean isMustHaveIndex1() { return bit(17); }
    public boolean isSupportIndex2() { return bit(18); }
    public boolean isMustHaveIndex2() { return bit(19); }
    public boolean isSupportNumOfObj1() { return bit(20); }
    public boolean isMustHaveNumOfObj1() { return bit(21); }
    public boolean isNumOfObj1SupportsAll() { return bit(22); }
    public boolean isNumOfObj1SupportsActive() { return bit(23); }
    public boolean isSupportNumOfObj2() { return bit(24); }
    public boolean isMustHaveNumOfObj2() { return bit(25); }
    public boolean isNumOfObj2SupportsAll() { return bit(26); }
    public boolean isNumOfObj2SupportsActive() { return bit(27); }

    private boolean bit(int n) {
        return (flags >>> n & 1) != 0;
    }

    /** The support flags that are set, by their short names (index1, num_of_obj1:all, ...). */
    public List<String> getSupport() {
        List<String> s = new ArrayList<>();
        if (isSupportIndex1()) s.add(isMustHaveIndex1() ? "index1!" : "index1");
        if (isSupportIndex2()) s.add(isMustHaveIndex2() ? "index2!" : "index2");
        if (isSupportNumOfObj1()) s.add((isMustHaveNumOfObj1() ? "num1!" : "num1") + objFlags(isNumOfObj1SupportsAll(), isNumOfObj1SupportsActive()));
        if (isSupportNumOfObj2()) s.add((isMustHaveNumOfObj2() ? "num2!" : "num2") + objFlags(isNumOfObj2SupportsAll(), isNumOfObj2SupportsActive()));
        return s;
    }

    private static String objFlags(boolean all, boolean active) {
        if (all && active) return ":all/active";
        if (all) return ":all";
        return active ? ":active" : "";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("segment_type", segmentType);
        m.put("name", name);
        m.put("index1_name", index1Name);
        m.put("index2_name", index2Name);
        m.put("support", getSupport());
        return m;
    }

    /** One table row: type, name, index names, support flags. */
    public String row() {
        String idx = index1Name.isEmpty() ? "-" : index1Name + (index2Name.isEmpty() ? "" : "/" + index2Name);
        return String.format("0x%04x  %-16s %-18s %s", segmentType, name, idx, String.join(" ", getSupport()));
    }

    @Override
    public String toString() {
        return String.format("0x%04x %s", segmentType, name)
                + (index1Name.isEmpty() ? "" : " (" + index1Name + (index2Name.isEmpty() ? "" : "/" + index2Name) + ")");
    }
}

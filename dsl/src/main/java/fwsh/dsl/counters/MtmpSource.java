package fwsh.dsl.counters;

import fwsh.counters.CounterDef;
import fwsh.counters.CounterSource;
import fwsh.dsl.engine.Register;
import fwsh.wire.Field;

import java.util.List;
import java.util.Map;

/**
 * One MTMP temperature sensor as two GAUGEs: whole degrees Celsius (rounded down) for thresholds such as
 * {@code temperature > 70}, and milli-degrees (the register's 0.125 °C units × 125, as hwmon reports) for precision.
 * The register's temperature is a signed 16-bit field; it is sign-extended here.
 */
final class MtmpSource implements CounterSource {
    private final Register reg;
    private final Map<String, Object> index;
    private final List<CounterDef> defs;
    private final Field temperature;
    private final String name;

    /** @param prefix "" for the ASIC sensor, e.g. "module0_" for a module */
    MtmpSource(Register reg, int sensor, String prefix, String what) {
        this.reg = reg;
        this.index = Map.of("sensor_index", sensor);
        this.temperature = reg.getLayout().field("temperature");
        this.name = "mtmp." + sensor;
        String src = "MTMP[" + sensor + "]";
        this.defs = List.of(
                CounterDef.gauge(prefix + "temperature", src, what + " temperature, whole °C (MTMP sensor " + sensor + ")", "°C", 16),
                CounterDef.gauge(prefix + "temperature_mC", src, what + " temperature in m°C (MTMP 0.125 °C units × 125)", "m°C", 32));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<CounterDef> counters() {
        return defs;
    }

    /** The sensor's reading in 0.125 °C units, sign-extended. */
    long eighths() {
        byte[] b = reg.read(index).value().bytes();
        return (short) temperature.get(b, 0);
    }

    @Override
    public long read(int[] indices, long[] into) {
        long e = eighths();
        for (int k = 0; k < indices.length; k++) into[k] = indices[k] == 0 ? Math.floorDiv(e, 8) : e * 125;
        return NO_DEVICE_TIME;
    }
}

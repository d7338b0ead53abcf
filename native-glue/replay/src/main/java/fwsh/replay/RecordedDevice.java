package fwsh.replay;

import fwsh.channel.DeviceInfo;

import java.util.List;

/**
 * One device of a recorded session, with its records in file order.
 *
 * @param index        0 for the device the header names, then 1, 2 … in the order the session added them
 * @param info         the device as the recorded channel described it
 * @param supportsUmem what the recorded channel answered to {@code supportsUmem()}
 * @param calls        its RPCs and umem calls, in file order
 */
public record RecordedDevice(int index, DeviceInfo info, boolean supportsUmem, List<RecordedCall> calls) {
    public RecordedDevice {
        calls = List.copyOf(calls);
    }

    public List<RecordedRpc> rpcs() {
        return calls.stream().filter(c -> c instanceof RecordedRpc).map(c -> (RecordedRpc) c).toList();
    }
}

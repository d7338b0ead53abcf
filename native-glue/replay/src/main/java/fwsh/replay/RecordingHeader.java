package fwsh.replay;

import fwsh.channel.DeviceInfo;

/**
 * The first line of a recording: what was recorded, by which fwsh, when and where, and the device.
 *
 * @param format       always {@link RecordFormat#FORMAT}
 * @param version      format version, {@link RecordFormat#VERSION}
 * @param fwshVersion  version of the fwsh that wrote the file, or null if unknown
 * @param time         ISO-8601 instant the recording started
 * @param host         host name the recording was taken on, or null
 * @param device       the device as the recorded channel described it
 * @param supportsUmem what the recorded channel answered to {@code supportsUmem()}
 */
public record RecordingHeader(String format, int version, String fwshVersion, String time, String host,
                              DeviceInfo device, boolean supportsUmem) {
}

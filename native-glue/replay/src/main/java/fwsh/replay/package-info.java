/**
 * Record and replay: {@link fwsh.replay.RecordingChannel} wraps any channel and writes every RPC and
 * umem call to a JSON-lines file; {@link fwsh.replay.ReplayChannel} serves such a file back as a
 * backend ({@link fwsh.replay.ReplayMode#ORDERED} or {@link fwsh.replay.ReplayMode#MATCHED}), so a
 * capture from real hardware becomes a deterministic test fixture. The file format is described in
 * REPLAY-FORMAT.md next to these sources; {@link fwsh.replay.Recording#read} reads and checks it.
 */
package fwsh.replay;

package fwsh.emu;

/** 128-bit register capability masks (MCAM/PCAM): bit n counted from the LSB of the 16-byte field. */
final class CapMask {
    private CapMask() {
    }

    static void set(RegIo io, int off, int[] registers, int base) {
        for (int r : registers) {
            int n = r - base;
            int byteOff = off + 15 - n / 8;
            int dwordBit = (3 - (byteOff & 3)) * 8 + n % 8;
            io.set(byteOff & ~3, dwordBit, dwordBit, 1);
        }
    }
}

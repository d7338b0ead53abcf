package fwsh.abi;

/**
 * The Linux ioctl number encoding (include/uapi/asm-generic/ioctl.h, used by x86-64 and arm64):
 * nr in bits 0-7, type in 8-15, size in 16-29, direction in 30-31.
 */
public final class Ioc {
    public static final int NONE = 0;
    public static final int WRITE = 1;
    public static final int READ = 2;

    private static final int NRSHIFT = 0;
    private static final int TYPESHIFT = 8;
    private static final int SIZESHIFT = 16;
    private static final int DIRSHIFT = 30;
    private static final int SIZEBITS = 14;

    private Ioc() {
    }

    public static long ioc(int dir, int type, int nr, int size) {
        if (size < 0 || size >= (1 << SIZEBITS)) {
            throw new IllegalArgumentException("ioctl argument size " + size + " does not fit the 14-bit size field");
        }
        return ((long) dir << DIRSHIFT) | ((long) type << TYPESHIFT) | ((long) nr << NRSHIFT) | ((long) size << SIZESHIFT);
    }

    public static long io(int type, int nr) {
        return ioc(NONE, type, nr, 0);
    }

    public static long ior(int type, int nr, int size) {
        return ioc(READ, type, nr, size);
    }

    public static long iowr(int type, int nr, int size) {
        return ioc(READ | WRITE, type, nr, size);
    }

    public static int type(long request) {
        return (int) ((request >>> TYPESHIFT) & 0xff);
    }

    public static int nr(long request) {
        return (int) ((request >>> NRSHIFT) & 0xff);
    }

    public static int size(long request) {
        return (int) ((request >>> SIZESHIFT) & ((1 << SIZEBITS) - 1));
    }

    public static int dir(long request) {
        return (int) ((request >>> DIRSHIFT) & 0x3);
    }
}

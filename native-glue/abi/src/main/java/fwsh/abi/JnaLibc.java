package fwsh.abi;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * {@link Libc} bound to the C library with JNA direct mapping ({@link Native#register}): no proxy and no
 * reflection per call. ioctl is declared with a fixed third argument, which is how the kernel reads it on
 * LP64 Linux. The only class in fwsh that loads native code.
 */
public final class JnaLibc implements Libc {
    private static final JnaLibc INSTANCE = new JnaLibc();

    public static JnaLibc get() {
        return INSTANCE;
    }

    private JnaLibc() {
    }

    /** The direct-mapped natives. Kept in a holder so the library loads on first use only. */
    private static final class C {
        static {
            Native.register(C.class, Platform.C_LIBRARY_NAME);
        }

        static native int open(String path, int flags) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;

        static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

        static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

        static native int munmap(Pointer addr, long length) throws LastErrorException;

        static native int mlock(Pointer addr, long length) throws LastErrorException;

        static native int munlock(Pointer addr, long length) throws LastErrorException;

        static native long sysconf(int name) throws LastErrorException;

        static native int getrlimit(int resource, Pointer rlim) throws LastErrorException;
    }

    @Override
    public int open(String path, int flags) {
        return C.open(path, flags);
    }

    @Override
    public int close(int fd) {
        return C.close(fd);
    }

    @Override
    public int ioctl(int fd, long request, Pointer arg) {
        return C.ioctl(fd, request, arg);
    }

    @Override
    public Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) {
        return C.mmap(addr, length, prot, flags, fd, offset);
    }

    @Override
    public int munmap(Pointer addr, long length) {
        return C.munmap(addr, length);
    }

    @Override
    public int mlock(Pointer addr, long length) {
        return C.mlock(addr, length);
    }

    @Override
    public int munlock(Pointer addr, long length) {
        return C.munlock(addr, length);
    }

    @Override
    public long sysconf(int name) {
        return C.sysconf(name);
    }

    @Override
    public int getrlimit(int resource, Pointer rlim) {
        return C.getrlimit(resource, rlim);
    }
}

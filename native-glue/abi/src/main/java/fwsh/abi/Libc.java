package fwsh.abi;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * The libc calls the kernel backends need. {@link JnaLibc} binds them to the real C library; tests use a
 * double that decodes the native memory like the kernel does. Every failing call throws
 * {@link LastErrorException} carrying the errno, exactly as JNA does for direct-mapped functions.
 */
public interface Libc {
    int O_RDWR = 0x2;
    int O_CLOEXEC = 0x80000;

    int PROT_READ = 0x1;
    int PROT_WRITE = 0x2;
    int MAP_PRIVATE = 0x02;
    int MAP_ANONYMOUS = 0x20;

    int _SC_PAGESIZE = 30;
    int RLIMIT_MEMLOCK = 8;
    /** getrlimit's "no limit" value (RLIM_INFINITY, all ones). */
    long RLIM_INFINITY = -1L;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** {@code ioctl(fd, request, arg)}; {@code request} is the unsigned long ioctl number. Returns the ioctl's value (>= 0). */
    int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    /** Anonymous private read/write mapping: page-aligned and zero-filled. */
    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    int munmap(Pointer addr, long length) throws LastErrorException;

    int mlock(Pointer addr, long length) throws LastErrorException;

    int munlock(Pointer addr, long length) throws LastErrorException;

    long sysconf(int name) throws LastErrorException;

    /** Fills {@code rlim} (16 bytes: rlim_cur, rlim_max as u64). */
    int getrlimit(int resource, Pointer rlim) throws LastErrorException;

    /** The page size of this process. */
    default long pageSize() {
        return sysconf(_SC_PAGESIZE);
    }

    /** RLIMIT_MEMLOCK soft limit in bytes, {@link #RLIM_INFINITY} for unlimited, or -2 if it cannot be read. */
    default long memlockLimit() {
        try (com.sun.jna.Memory rlim = new com.sun.jna.Memory(16)) {
            getrlimit(RLIMIT_MEMLOCK, rlim);
            return rlim.getLong(0);
        } catch (LastErrorException e) {
            return -2;
        }
    }
}

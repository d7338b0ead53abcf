package fwsh.bench;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import fwsh.abi.FwctlUapi;
import fwsh.abi.JnaLibc;
import fwsh.abi.Libc;
import fwsh.backend.FwctlChannel;
import fwsh.channel.Mailbox;
import fwsh.channel.Opcode;
import fwsh.channel.Scope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Cost of FwctlChannel.rpc above the syscall: argument checks, per-call native scratch memory, marshaling
 * fwctl_rpc and copying the mailboxes, against a zero-latency "kernel" that answers FWCTL_RPC by copying in
 * to out. Run, after {@code mvn -o -q install -DskipTests} at the root (so the other modules resolve), in native-glue/backend:
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}, then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.bench.KernelRpcBenchmark}.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KernelRpcBenchmark {

    /** Zero-latency kernel: FWCTL_INFO says MLX5; FWCTL_RPC copies the input into the output. */
    static final class EchoLibc implements Libc {
        private final Libc real = JnaLibc.get();

        @Override
        public int open(String path, int flags) {
            return 3;
        }

        @Override
        public int close(int fd) {
            return 0;
        }

        @Override
        public int ioctl(int fd, long request, Pointer arg) {
            if (request == FwctlUapi.FWCTL_INFO) {
                arg.setInt(8, FwctlUapi.FWCTL_DEVICE_TYPE_MLX5);
                return 0;
            }
            if (request == FwctlUapi.FWCTL_RPC) {
                int inLen = arg.getInt(8);
                int outLen = arg.getInt(12);
                Pointer in = new Pointer(arg.getLong(16));
                Pointer out = new Pointer(arg.getLong(24));
                out.write(0, in.getByteArray(0, Math.min(inLen, outLen)), 0, Math.min(inLen, outLen));
                return 0;
            }
            throw new LastErrorException(25);
        }

        @Override
        public Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) {
            return real.mmap(addr, length, prot, flags, fd, offset);
        }

        @Override
        public int munmap(Pointer addr, long length) {
            return real.munmap(addr, length);
        }

        @Override
        public int mlock(Pointer addr, long length) {
            return real.mlock(addr, length);
        }

        @Override
        public int munlock(Pointer addr, long length) {
            return real.munlock(addr, length);
        }

        @Override
        public long sysconf(int name) {
            return real.sysconf(name);
        }

        @Override
        public int getrlimit(int resource, Pointer rlim) {
            return real.getrlimit(resource, rlim);
        }
    }

    @Param({"16", "272", "4112"})
    public int outLen;

    FwctlChannel channel;
    byte[] inbox;

    @Setup(Level.Trial)
    public void open() {
        channel = FwctlChannel.open(new EchoLibc(), "/dev/fwctl/fwctl0");
        inbox = Mailbox.newInput(16, Opcode.QUERY_ADAPTER, 0);
    }

    @TearDown(Level.Trial)
    public void close() {
        channel.close();
    }

    @Benchmark
    public byte[] rpc() {
        return channel.rpc(Scope.CONFIGURATION, inbox, outLen);
    }

    @Benchmark
    @Threads(2)
    public byte[] rpc2Threads() {
        return channel.rpc(Scope.CONFIGURATION, inbox, outLen);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(KernelRpcBenchmark.class.getSimpleName())
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS).build()).run();
    }
}

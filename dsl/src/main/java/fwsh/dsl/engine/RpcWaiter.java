package fwsh.dsl.engine;

import fwsh.base.FwshException;
import fwsh.channel.Channel;
import fwsh.channel.Scope;
import fwsh.channel.Transport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for one RPC with a timeout, interruptibly. A kernel ioctl blocks its thread uninterruptibly
 * (firmware commands can take hundreds of milliseconds, or hang), so on kernel devices the call runs on
 * a worker thread and the caller waits on it: Ctrl-C or the timeout returns control and the late answer
 * is dropped. Other channels (emulator, replay) are called inline: they are interruptible themselves,
 * and a thread hand-off would cost more than the whole RPC.
 */
final class RpcWaiter {
    private static final ExecutorService KERNEL_CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fwsh-rpc");
        t.setDaemon(true);
        return t;
    });

    private final Channel channel;
    private final Duration timeout;
    private final boolean handOff;

    RpcWaiter(Channel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
        Transport t = channel.info().transport();
        this.handOff = t == Transport.FWCTL || t == Transport.MLX5CTL;
    }

    byte[] call(String what, Scope scope, byte[] in, int outLen) {
        if (!handOff) return channel.rpc(scope, in, outLen);
        Future<byte[]> reply = KERNEL_CALLS.submit(() -> channel.rpc(scope, in, outLen));
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new FwshException(what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new FwshException(what + " got no answer within " + seconds(timeout)
                    + "; the RPC was abandoned (its late answer is dropped). The firmware may be busy or hung");
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new FwshException(what + " interrupted while waiting for the device; the RPC was abandoned");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

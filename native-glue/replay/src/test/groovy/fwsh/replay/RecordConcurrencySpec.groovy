package fwsh.replay

import fwsh.channel.Mailbox
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.emu.Emulator
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static fwsh.replay.Session.*

@Timeout(60)
class RecordConcurrencySpec extends Specification {
    @TempDir
    Path tmp

    def "concurrent RPCs are each recorded whole, numbered in file order, and replay in matched mode"() {
        given:
        int threads = 6
        int perThread = 150
        def file = tmp.resolve('conc.jsonl')
        def rec = RecordingChannel.create(Emulator.create('cx6dx', Transport.FWCTL), file)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(threads)

        when: 'each thread reads MGIR, PAOS and NOP in turn'
        def futures = (0..<threads).collect { t ->
            pool.submit({
                Thread.currentThread().name = "rec-$t"
                start.await()
                (0..<perThread).collect { i ->
                    def s = [mgir(), paos(), nop()][i % 3]
                    [s, rec.rpc(s.scope, s.input, s.outLen)]
                }
            } as Callable)
        }
        start.countDown()
        def results = futures.collectMany { it.get() }
        pool.shutdown()
        rec.close()
        def lines = Files.readAllLines(file)
        def recording = Recording.read(file)

        then: 'every record is a whole line; the count is right; seq is 1..N in file order'
        lines.size() == threads * perThread + 2
        lines.every { it.startsWith('{') && it.endsWith('}') }
        recording.complete()
        recording.rpcs().size() == threads * perThread
        recording.rpcs()*.seq() == (1L..(long) (threads * perThread)).toList()
        recording.rpcs().countBy { it.thread() } == (0..<threads).collectEntries { ["rec-$it".toString(), perThread] }
        rec.records() == threads * perThread

        and: 'every recorded output is the one its caller got'
        def byKey = recording.rpcs().groupBy { Requests.key(it.in(), it.outLen()) }
        results.every { s, out -> byKey[Requests.key(s.input, s.outLen)].any { Arrays.equals(it.out(), out) } }

        when: 'replay concurrently in matched mode'
        def replay = ReplayChannel.open(file, ReplayMode.MATCHED)
        def pool2 = Executors.newFixedThreadPool(threads)
        def replayed = (0..<threads).collect { t ->
            pool2.submit({ (0..<perThread).collect { i -> def s = [mgir(), paos(), nop()][i % 3]; replay.rpc(s.scope, s.input, s.outLen) } } as Callable)
        }.collectMany { it.get() }
        pool2.shutdown()

        then:
        replayed.size() == threads * perThread
        replayed.every { Mailbox.status(it) == 0 }
        replay.served() == threads * perThread
    }
}

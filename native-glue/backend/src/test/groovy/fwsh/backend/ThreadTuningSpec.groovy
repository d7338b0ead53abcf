package fwsh.backend

import fwsh.abi.ThreadSched
import spock.lang.Requires
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/** The sampler thread's scheduling tweaks reach the kernel for the calling thread only. */
@Requires({ os.linux })
class ThreadTuningSpec extends Specification {

    /** Runs {@code body} on a fresh thread, so the test thread keeps its own settings. */
    static <T> T onNewThread(Closure<T> body) {
        T result = null
        Throwable failure = null
        def t = Thread.start { try { result = body() } catch (Throwable e) { failure = e } }
        t.join()
        if (failure) throw failure
        result
    }

    /** The nice value of the calling thread: field 19 of /proc/thread-self/stat. */
    static int ownNice() {
        String stat = Files.readString(Path.of('/proc/thread-self/stat'))
        stat.substring(stat.lastIndexOf(')') + 2).split(' ')[16] as int
    }

    def "timer slack is set for the calling thread"() {
        when:
        def (set, slack) = onNewThread { [ThreadTuning.timerSlack(1_000), ThreadSched.timerSlack()] }

        then:
        set
        slack == 1_000
        ThreadSched.timerSlack() != 1_000   // the test thread keeps the kernel's default
    }

    def "a higher nice value is set for the calling thread (lowering priority needs no privilege)"() {
        given:
        int before = ownNice()

        when:
        def (set, niced) = onNewThread { [ThreadTuning.nice(19), ownNice()] }

        then:
        set
        niced == 19
        ownNice() == before
    }
}

package fwsh.reliability

/** Threads started after a baseline that are still alive after a grace period (a leaked sampler or poller). */
class Threads {
    final Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet())

    /** JVM and library daemons that start lazily on first use and live for the whole process. */
    static final Set<String> JVM = ['JNA Cleaner', 'process reaper', 'Common-Cleaner', 'Attach Listener'] as Set

    List<String> leaked(long graceMillis = 2000) {
        long end = System.currentTimeMillis() + graceMillis
        List<Thread> extra
        while (true) {
            extra = Thread.getAllStackTraces().keySet().findAll { it.alive && !before.contains(it) && !JVM.contains(it.name) } as List
            if (extra.isEmpty() || System.currentTimeMillis() > end) break
            extra.each { it.join(50) }
        }
        (extra*.name).sort() as List
    }
}

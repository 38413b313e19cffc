package nl.beslisstraat.engine.support;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM (tests and the engine under test share it), to show that an upload left
 * nothing running: after a settling pause, a quiet window uses almost no CPU.
 */
public final class ProcessCpu {

    private ProcessCpu() {}

    /** Waits {@code settleSeconds}, then returns the CPU milliseconds used in the next {@code windowSeconds}. */
    public static long usedWhileIdle(int settleSeconds, int windowSeconds) throws InterruptedException {
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(settleSeconds * 1_000L);
        long before = process.getProcessCpuTime();
        Thread.sleep(windowSeconds * 1_000L);
        return (process.getProcessCpuTime() - before) / 1_000_000;
    }
}

package org.gapdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on, as the record states it: processors, memory, the Java runtime, the operating
 * system and the load average (from {@code /proc/loadavg} where it exists: 1, 5 and 15 minutes).
 *
 * @param processors processors available to the JVM (what {@code nproc} prints)
 * @param memoryBytes physical memory, or 0 when unknown
 * @param java the runtime as {@code java -version} names it: runtime name, version and VM
 * @param os operating system name, version and architecture
 * @param loadAverage load averages over 1, 5 and 15 minutes, or the 1-minute one alone; empty when unknown
 */
public record MachineInfo(int processors, long memoryBytes, String java, String os, String loadAverage) {
    /** This machine, now. */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version") + ", "
                        + System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.version") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                loadAverageNow());
    }

    /** The load averages now: {@code "1.30 1.12 1.57"} (1, 5, 15 minutes) or the 1-minute figure alone. */
    public static String loadAverageNow() {
        Path proc = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(proc)) {
                List<String> fields = List.of(Files.readString(proc).strip().split("\\s+"));
                if (fields.size() >= 3) {
                    return String.join(" ", fields.subList(0, 3));
                }
            }
        } catch (IOException e) {
            // fall back to the JVM's figure
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return one < 0 ? "" : String.format("%.2f", one);
    }

    /** The 1-minute load average divided by the processors, or -1 when unknown. */
    public double loadPerProcessor() {
        if (loadAverage.isEmpty()) {
            return -1;
        }
        return Double.parseDouble(loadAverage.split(" ")[0]) / processors;
    }

    private static long memory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}

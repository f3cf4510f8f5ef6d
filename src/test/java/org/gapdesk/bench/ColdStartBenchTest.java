package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the peak heap occupancy from a unified GC log. */
class ColdStartBenchTest {
    @Test
    void peakIsTheLargestOccupancyBeforeACollectionOrAtExit() {
        List<String> log = List.of("[0.003s][info][gc] Using G1",
                "[0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.456ms",
                "[0.900s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 31M->5M(256M) 2.000ms",
                "[1.501s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 20480K [0x0, 0x1)");
        assertEquals(31L << 20, ColdStartBench.peakHeapUsed(log));
        assertEquals(40L << 20, ColdStartBench.peakHeapUsed(List.of(
                "[1.5s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 40960K [0x0, 0x1)")));
        assertEquals(0, ColdStartBench.peakHeapUsed(List.of("[0.003s][info][gc] Using G1")));
    }
}

package org.qmlff.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated on the heap by the JVM's live threads, from HotSpot's per-thread counters
 * ({@code com.sun.management.ThreadMXBean}). A warm benchmark workload allocates next to nothing per
 * call; a Vector API kernel that C2 compiled with boxed vectors allocates a vector object per
 * operation, megabytes per call, which tells such a JVM from one that a busy machine slowed down.
 */
final class AllocationCounter {
    private final com.sun.management.ThreadMXBean bean;
    private Map<Long, Long> start;

    private AllocationCounter(com.sun.management.ThreadMXBean bean) {
        this.bean = bean;
    }

    /** A counter, or null where this JVM cannot count allocated bytes per thread. */
    static AllocationCounter create() {
        ThreadMXBean b = ManagementFactory.getThreadMXBean();
        if (!(b instanceof com.sun.management.ThreadMXBean sun)) return null;
        try {
            if (!sun.isThreadAllocatedMemorySupported()) return null;
            if (!sun.isThreadAllocatedMemoryEnabled()) sun.setThreadAllocatedMemoryEnabled(true);
        } catch (UnsupportedOperationException | SecurityException e) {
            return null;
        }
        return new AllocationCounter(sun);
    }

    /** Starts counting: the bytes each live thread has allocated so far. */
    void start() {
        start = read();
    }

    /** Bytes allocated since {@link #start} by the threads alive then and now. */
    long allocatedSinceStart() {
        long sum = 0;
        for (Map.Entry<Long, Long> e : read().entrySet()) {
            Long before = start.get(e.getKey());
            if (before != null) sum += e.getValue() - before;
        }
        return sum;
    }

    private Map<Long, Long> read() {
        long[] ids = bean.getAllThreadIds();
        long[] bytes = bean.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) if (bytes[i] >= 0) m.put(ids[i], bytes[i]);
        return m;
    }
}

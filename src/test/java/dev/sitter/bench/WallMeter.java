package dev.sitter.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Where a benchmark's wall time goes, by sampling every 50 ms: what each pipeline thread is doing
 * (its innermost recognised frame: waiting for the create window, for a job slot, polling a job,
 * downloading, scoring drift, recording in the library ...), how many sandbox jobs are in flight,
 * and the CPU seconds each group of threads (sandbox renderers, sandbox HTTP, client) has used.
 * A sampler, not a tracer: figures are shares of samples, good to a few percent.
 */
final class WallMeter implements AutoCloseable {
    /** Stack markers, checked innermost frame first; the first frame that matches names the activity. */
    private static final List<String[]> MARKERS = List.of(
            new String[]{"RateWindow.acquire", "waiting for the create window"},
            new String[]{"RateWindow.reserve", "waiting for the create window"},
            new String[]{"ThreadPoolExecutor.getTask", "idle (no character left to start)"},
            new String[]{"JobSlots.acquire", "waiting for a job slot"},
            new String[]{"Poller.poll", "job running (polling)"},
            new String[]{"Generations.download", "downloading images"},
            new String[]{"ApiTransport.download", "downloading images"},
            new String[]{"ApiTransport.postPaid", "sending creates"},
            new String[]{"Uploads.", "uploading references"},
            new String[]{"DriftScorer", "drift scoring (local CPU)"},
            new String[]{"GradeStep", "grading (local CPU)"},
            new String[]{"ExportStep", "export, sheet, gallery (local CPU)"},
            new String[]{"Library.record", "recording in the library"},
            new String[]{"LeonardoStudio.resumable", "reading the library journal"},
            new String[]{"dev.sitter.library", "library (other)"},
            new String[]{"RunJournal", "run journal"},
            new String[]{"RunContext.store", "storing run images"},
            new String[]{"Future.get", "waiting for the run's own ops"},
            new String[]{"FutureTask.get", "waiting for the run's own ops"},
            new String[]{"CompletableFuture", "waiting for the run's own ops"});

    private final List<String> threadPrefixes;
    private final IntSupplier jobsInFlight;
    private final int slots;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Map<String, Integer> activity = new TreeMap<>();
    private final Map<Long, Long> cpuByThread = new HashMap<>();
    private final Map<Long, String> groupByThread = new HashMap<>();
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private long jobSamples, jobSum, fullSlotSamples, idleSlotSamples;

    /**
     * @param threadPrefixes names of the threads that run pipelines and their ops
     * @param jobsInFlight   the sandbox's unfinished jobs (queued or rendering)
     */
    WallMeter(List<String> threadPrefixes, IntSupplier jobsInFlight, int slots) {
        this.threadPrefixes = threadPrefixes;
        for (Thread t : Thread.getAllStackTraces().keySet()) cpuAtStart.put(t.getId(), Math.max(0, mx.getThreadCpuTime(t.getId())));
        this.jobsInFlight = jobsInFlight;
        this.slots = slots;
        this.sampler = new Thread(this::loop, "wall-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        int jobs = Math.min(slots, jobsInFlight.getAsInt());
        jobSamples++;
        jobSum += jobs;
        if (jobs == slots) fullSlotSamples++;
        if (jobs == 0) idleSlotSamples++;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            long cpu = mx.getThreadCpuTime(t.getId());
            if (cpu > 0) {
                cpuByThread.merge(t.getId(), cpu, Math::max);
                groupByThread.put(t.getId(), group(t.getName()));
            }
            if (threadPrefixes.stream().anyMatch(t.getName()::startsWith)) activity.merge(activity(e.getValue()), 1, Integer::sum);
        }
    }

    private static String group(String name) {
        if (name.startsWith("sandbox-job")) return "sandbox rendering";
        if (name.startsWith("sandbox")) return "sandbox HTTP";
        if (name.startsWith("wall-meter")) return "this meter";
        return "client (pipelines, library, HTTP)";
    }

    private static String activity(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String frame = f.getClassName() + "." + f.getMethodName();
            for (String[] m : MARKERS) if (frame.contains(m[0])) return m[1];
        }
        return stack.length > 0 && stack[0].getClassName().startsWith("java.lang.Thread") ? "idle" : "other";
    }

    /** CPU seconds per thread group since the meter started (threads that ended keep their last sample). */
    synchronized Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        cpuByThread.forEach((id, nanos) -> out.merge(groupByThread.get(id), (nanos - cpuAtStart.getOrDefault(id, 0L)) / 1e9, Double::sum));
        return out;
    }

    synchronized String report() {
        int total = activity.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder("   where the pipeline threads' time went (share of samples):\n");
        activity.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format(Locale.ROOT, "     %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey())));
        sb.append(String.format(Locale.ROOT, "   sandbox slots: %.1f of %d busy on average; all busy %.0f%% of the time, none busy %.0f%%%n",
                (double) jobSum / Math.max(1, jobSamples), slots, 100.0 * fullSlotSamples / Math.max(1, jobSamples),
                100.0 * idleSlotSamples / Math.max(1, jobSamples)));
        sb.append("   CPU seconds:");
        cpuSeconds().forEach((g, s) -> sb.append(String.format(Locale.ROOT, " %s %.1f;", g, s)));
        return sb.append('\n').toString();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}

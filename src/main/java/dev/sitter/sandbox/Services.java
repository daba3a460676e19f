package dev.sitter.sandbox;

import java.util.function.Supplier;

/** What the endpoint classes share: state, renderer, job queue, settings and the server's own address. */
final class Services {
    final SandboxConfig config;
    final Store store;
    final Studio studio;
    final JobRunner jobs;
    final FaultInjector faults;
    final Supplier<String> origin;
    /** Seeds everything that must differ between sandbox runs unless asked otherwise (ids, upload signatures). */
    final long idSeed;

    Services(SandboxConfig config, Store store, Studio studio, JobRunner jobs, FaultInjector faults, Supplier<String> origin, long idSeed) {
        this.config = config;
        this.store = store;
        this.studio = studio;
        this.jobs = jobs;
        this.faults = faults;
        this.origin = origin;
        this.idSeed = idSeed;
    }

    /** Public URL of a stored blob, served by the sandbox's /cdn route. */
    String cdnUrl(String key) {
        return origin.get() + "/cdn/" + key;
    }
}

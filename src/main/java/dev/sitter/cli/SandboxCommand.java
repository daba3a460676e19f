package dev.sitter.cli;

import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code sitter sandbox}: runs the offline Leonardo-compatible server standalone until Ctrl-C. */
public final class SandboxCommand implements Command {
    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String summary() {
        return "run the offline Leonardo-compatible sandbox server";
    }

    @Override
    public String help() {
        return """
                usage: sitter sandbox [--port N] [--latency MS] [--faults SPEC] [--seed N] [--credits N]

                Starts the offline sandbox on 127.0.0.1, prints its base URL, and serves until Ctrl-C.
                Point any Leonardo client at the printed URL; any non-empty bearer token is accepted.

                options:
                  --port N       TCP port (default 0: a free port)
                  --latency MS   how long jobs stay PENDING (default 150)
                  --faults SPEC  inject faults, e.g. "429:0.1,500:0.05,reset-after:0.02,drift:0.1"
                                 (429, 500, 503, reset-before, reset-after, slow, truncate, fail,
                                 moderation, drift; probabilities add up to at most 1)
                  --seed N       makes fault draws, ids and unseeded generation seeds reproducible
                                 (default: faults seeded with 1, ids fresh for every run)
                  --credits N    starting /me balance (default 10000)

                inspection: GET <origin>/_sandbox/requests and /_sandbox/jobs

                example:
                  sitter sandbox --port 8787 --faults "429:0.1,drift:0.1" --seed 7
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        SandboxConfig config = parse(args);
        Sandbox sandbox = Sandbox.start(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stop.countDown();
        }, "sandbox-shutdown"));
        ctx.out().println(sandbox.baseUrl());
        ctx.out().println("v2: " + sandbox.v2BaseUrl() + "   inspection: " + sandbox.inspectionUrl()
                + "   credits: " + config.startingCredits() + (config.faults().isEmpty() ? "" : "   faults: " + config.faults()));
        ctx.out().println("serving until Ctrl-C");
        ctx.out().flush();
        stop.await();
        return ExitCodes.OK;
    }

    static SandboxConfig parse(List<String> args) {
        SandboxConfig.Builder b = SandboxConfig.builder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--port" -> b.port((int) number(a, v, 0, 65535));
                case "--latency" -> b.latency(Duration.ofMillis(number(a, v, 0, 600_000)));
                case "--seed" -> {
                    long seed = number(a, v, Long.MIN_VALUE, Long.MAX_VALUE);
                    b.seed(seed).idSeed(seed); // a seeded standalone run is reproducible end to end
                }
                case "--credits" -> b.startingCredits(number(a, v, 0, Long.MAX_VALUE));
                case "--faults" -> {
                    if (v == null) throw new UsageException("--faults needs a spec, e.g. --faults \"429:0.1,drift:0.05\"");
                    b.faults(v);
                }
                default -> throw new UsageException("unknown option '" + a + "'");
            }
            i++;
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long number(String flag, String v, long min, long max) {
        if (v == null) throw new UsageException(flag + " needs a number");
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a whole number, got '" + v + "'");
        }
        if (n < min || n > max) throw new UsageException(flag + " must be between " + min + " and " + max + ", got " + n);
        return n;
    }
}

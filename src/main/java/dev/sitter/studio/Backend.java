package dev.sitter.studio;

import dev.sitter.leonardo.ClientConfig;
import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.leonardo.LeonardoEnvironment;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Leonardo client Sitter talks to, live or offline. With a key (LEONARDO_API_KEY or the 0600
 * credentials file) it is the live API; without one, an in-process sandbox on an ephemeral loopback
 * port. Either way the same client code runs over real HTTP: only the base URL differs.
 */
public final class Backend implements AutoCloseable {
    public static final String LIVE = "live";
    public static final String SANDBOX = "sandbox";

    private final LeonardoClient client;
    private final Sandbox sandbox;

    private Backend(LeonardoClient client, Sandbox sandbox) {
        this.client = client;
        this.sandbox = sandbox;
    }

    /**
     * Opens the backend the environment asks for, printing the one-line offline notice when it
     * starts the sandbox.
     */
    public static Backend open(Map<String, String> env, Path home, PrintStream notices) {
        Optional<ClientConfig> live = LeonardoEnvironment.live(env, home);
        if (live.isPresent()) return new Backend(LeonardoClient.create(live.get()), null);
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults());
        notices.println(Sandbox.OFFLINE_NOTICE);
        // No upload-id cache on disk for the sandbox: its ids die with the process.
        return new Backend(LeonardoClient.create(LeonardoEnvironment.sandbox(sandbox.baseUrl(), null)), sandbox);
    }

    /** A backend over an already running sandbox (tests, the REPL's own sandbox). */
    public static Backend over(Sandbox sandbox) {
        return new Backend(LeonardoClient.create(LeonardoEnvironment.sandbox(sandbox.baseUrl(), null)), null);
    }

    public LeonardoClient client() { return client; }

    public String kind() { return client.isLive() ? LIVE : SANDBOX; }

    public String baseUrl() { return client.config().baseUrl(); }

    @Override public void close() {
        client.close();
        if (sandbox != null) sandbox.close();
    }
}

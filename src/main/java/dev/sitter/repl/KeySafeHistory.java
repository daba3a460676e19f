package dev.sitter.repl;

import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;

/**
 * The console's persistent history, which never stores a line containing the API key: the key must
 * not reach any file, and a pasted key would otherwise land in {@code ~/.sitter/history}.
 */
final class KeySafeHistory extends DefaultHistory {
    private final String secret;

    /** @param secret the key's value, or null/blank when none is set */
    KeySafeHistory(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.strip();
    }

    @Override
    public void add(Instant time, String line) {
        if (secret != null && line.contains(secret)) return;
        super.add(time, line);
    }
}

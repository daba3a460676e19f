package dev.sitter.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Inline image previews for terminals that speak an image protocol: kitty's graphics protocol and
 * iTerm2's inline images (also understood by WezTerm). Detected from the environment only; with no
 * such terminal the console prints paths instead.
 */
enum InlineImages {
    NONE, KITTY, ITERM2;

    static InlineImages detect(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        String program = env.getOrDefault("TERM_PROGRAM", "");
        if (env.containsKey("KITTY_WINDOW_ID") || term.equals("xterm-kitty")) return KITTY;
        if (program.equals("iTerm.app") || program.equals("WezTerm")) return ITERM2;
        return NONE;
    }

    /** The escape sequence that shows a PNG file inline, or "" for {@link #NONE}. */
    String sequence(Path png) throws IOException {
        if (this == NONE) return "";
        byte[] bytes = Files.readAllBytes(png);
        String b64 = Base64.getEncoder().encodeToString(bytes);
        if (this == ITERM2) {
            return "\u001b]1337;File=inline=1;width=40;preserveAspectRatio=1;size=" + bytes.length + ":" + b64 + "\u0007\n";
        }
        // kitty: PNG data (f=100), transmit and display (a=T), in chunks of at most 4096 base64 bytes.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 4096) {
            boolean more = i + 4096 < b64.length();
            String chunk = b64.substring(i, Math.min(b64.length(), i + 4096));
            sb.append("\u001b_G");
            if (i == 0) sb.append("f=100,a=T,c=40,");
            sb.append("m=").append(more ? 1 : 0).append(';').append(chunk).append("\u001b\\");
        }
        return sb.append('\n').toString();
    }
}

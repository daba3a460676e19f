package dev.sitter.leonardo;

import java.util.List;

/**
 * The upscale modes Sitter offers, one definition for the {@code upscale} command and a pipeline's
 * {@code upscale} step: {@code standard} (Universal Upscaler), {@code ultra} (Universal Upscaler
 * Ultra) and {@code classic} (the older 2x upscaler). Anything else is refused before it is priced
 * or paid, never run as the default upscaler.
 */
public final class UpscaleModes {
    public static final List<String> MODES = List.of("standard", "ultra", "classic");

    private UpscaleModes() {}

    /** Null when {@code mode} is one of {@link #MODES}, else the sentence that says which modes there are. */
    public static String problem(String mode) {
        if (MODES.contains(mode)) return null;
        return "upscale mode '" + mode + "' is not known; use mode: 'standard', 'ultra' or 'classic'";
    }
}

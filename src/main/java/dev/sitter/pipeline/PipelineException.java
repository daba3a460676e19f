package dev.sitter.pipeline;

/**
 * A pipeline that cannot run as written (unknown step, bad option, nothing left to upscale) or a
 * run directory that cannot be used. One paragraph naming the step and script line and the fix.
 */
public final class PipelineException extends RuntimeException {
    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}

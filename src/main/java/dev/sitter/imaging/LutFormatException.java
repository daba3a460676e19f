package dev.sitter.imaging;

/** A malformed {@code .cube} file; the message reads {@code file:line: problem. Fix: ...}. */
public final class LutFormatException extends ImagingException {
    private final String file;
    private final int line;

    public LutFormatException(String file, int line, String problem, String fix) {
        super(file + ":" + line + ": " + problem + ". Fix: " + fix);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}

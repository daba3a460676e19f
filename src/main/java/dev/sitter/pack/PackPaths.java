package dev.sitter.pack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for every path inside a pack: zip entry names, manifest paths and file arguments
 * in pack scripts. Deliberately narrow so a name means the same file on every OS and filesystem:
 * relative, '/'-separated, each segment {@code [A-Za-z0-9._-]}, no '.'/'..', no leading dot, no
 * Windows device names, bounded length and depth. Narrow names also rule out NUL, control and
 * bidi characters, backslashes, drive letters, and NFC/NFD look-alikes in one stroke.
 */
public final class PackPaths {
    public static final int MAX_PATH_CHARS = 512;
    public static final int MAX_SEGMENT_CHARS = 128;
    public static final int MAX_DEPTH = 12;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private PackPaths() {}

    /** Returns null when {@code name} is an acceptable pack path, otherwise why it is not. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "the name is empty";
        if (name.length() > MAX_PATH_CHARS) return "the name is longer than " + MAX_PATH_CHARS + " characters";
        if (name.startsWith("/") || name.startsWith("\\")) return "it is an absolute path";
        if (name.length() >= 2 && name.charAt(1) == ':') return "it starts with a drive letter";
        if (name.indexOf('\\') >= 0) return "it contains a backslash (only '/' separates folders)";
        String[] segments = name.split("/", -1);
        if (segments.length > MAX_DEPTH) return "it is nested deeper than " + MAX_DEPTH + " folders";
        for (String s : segments) {
            if (s.isEmpty()) return "it has an empty path segment ('//' or a trailing '/')";
            if (s.equals("..")) return "it climbs out of the pack with '..'";
            if (s.equals(".")) return "it has a '.' segment";
            if (s.length() > MAX_SEGMENT_CHARS) return "a segment is longer than " + MAX_SEGMENT_CHARS + " characters";
            if (!SEGMENT.matcher(s).matches()) {
                return "segment '" + printable(s) + "' has characters outside A-Z a-z 0-9 . _ - (or starts with '.' or '-')";
            }
            if (s.endsWith(".")) return "segment '" + s + "' ends with a dot";
            String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            if (WINDOWS_DEVICES.contains(base.toUpperCase(Locale.ROOT))) return "segment '" + s + "' is a Windows device name";
        }
        return null;
    }

    /** Throws when {@code name} is not an acceptable pack path; {@code what} names it in the message. */
    public static String require(String name, String what) {
        String p = problem(name);
        if (p != null) throw new PackException(what + " '" + printable(name) + "' is refused: " + p + ".");
        return name;
    }

    /**
     * Resolves an already-checked pack path under {@code root} and re-checks, segment-wise, that the
     * result stays inside it (defence in depth against a rule above being wrong).
     */
    public static Path resolveInside(Path root, String name) {
        require(name, "path");
        Path base = root.toAbsolutePath().normalize();
        Path out = base.resolve(name).normalize();
        if (!out.startsWith(base) || out.equals(base)) {
            throw new PackException("path '" + printable(name) + "' resolves outside " + base + "; refused.");
        }
        return out;
    }

    /** The name with control, non-ASCII and bidi characters shown as \\uXXXX, for messages. */
    public static String printable(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (char c : s.toCharArray()) {
            if (++n > 120) {
                b.append("...(").append(s.length()).append(" chars)");
                break;
            }
            if (c >= 0x20 && c < 0x7f) b.append(c);
            else b.append(String.format("\\u%04X", (int) c));
        }
        return b.toString();
    }
}

package dev.sitter.imaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the Adobe/Resolve {@code .cube} 3D LUT format: optional {@code TITLE "..."},
 * {@code LUT_3D_SIZE N}, optional {@code DOMAIN_MIN r g b} / {@code DOMAIN_MAX r g b} (or
 * Resolve's {@code LUT_3D_INPUT_RANGE min max}), {@code #} comments and blank lines anywhere, then
 * exactly N^3 rows of three numbers with red changing fastest.
 *
 * <p>Strict where a mistake would silently change colours (row count, numbers, domain, keywords
 * after the data) and lenient where it cannot (unknown keywords before the data are skipped, as
 * Resolve and other tools add their own). Every error names file:line and the fix.
 */
public final class CubeParser {
    /** Largest LUT_3D_SIZE accepted; 256^3 rows is already ~1 GB of text, real LUTs use 17..65. */
    public static final int MAX_SIZE = 129;

    private CubeParser() {}

    public static CubeLut parse(Path file) {
        return parse(file, readBytes(file));
    }

    /**
     * A LUT file's bytes, read once: a caller that applies, hashes and keeps the LUT uses these same
     * bytes, so the record's SHA-256 names what graded the image even if the file is saved meanwhile.
     */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImagingException("cannot read LUT " + file + ": " + Images.describe(e)
                    + ". Fix: check the path; shipped LUTs are in prompt-library/luts/ (teal-orange.cube, warm-film.cube).", e);
        }
    }

    /**
     * Parses a LUT file's bytes (UTF-8 text); {@code file} names it in error messages. A pipeline parses
     * its LUT when it checks the run and again when it grades, once per character: parsed LUTs
     * (immutable) are kept by file and content, so an edited file is read anew.
     */
    public static CubeLut parse(Path file, byte[] bytes) {
        String key = file.toAbsolutePath() + "\n" + dev.sitter.util.Sha256.hex(bytes);
        synchronized (PARSED) {
            CubeLut known = PARSED.get(key);
            if (known != null) {
                return known;
            }
        }
        CubeLut lut = parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
        synchronized (PARSED) {
            PARSED.put(key, lut);
        }
        return lut;
    }

    private static final java.util.Map<String, CubeLut> PARSED = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, CubeLut> eldest) {
            return size() > 8;
        }
    };

    /** Parses {@code .cube} text; {@code source} names the file in error messages. */
    public static CubeLut parse(String text, String source) {
        String title = "";
        int size = 0;
        int sizeLine = 0;
        float[] min = {0, 0, 0};
        float[] max = {1, 1, 1};
        boolean domainSet = false;
        float[] table = null;
        int rows = 0;
        int lastLine = 0;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String line = stripComment(lines[n]).strip();
            if (line.isEmpty()) {
                continue;
            }
            lastLine = lineNo;
            String[] parts = line.split("\\s+");
            String keyword = parts[0];
            if (Character.isLetter(keyword.charAt(0))) {
                if (rows > 0) {
                    throw new LutFormatException(source, lineNo, "keyword " + keyword + " after the data rows started",
                            "move TITLE, LUT_3D_SIZE and DOMAIN_* lines above the first row of numbers");
                }
                switch (keyword) {
                    case "TITLE" -> title = parseTitle(line, source, lineNo);
                    case "LUT_3D_SIZE" -> {
                        if (size != 0) {
                            throw new LutFormatException(source, lineNo, "LUT_3D_SIZE given twice (first on line " + sizeLine + ")",
                                    "keep one LUT_3D_SIZE line");
                        }
                        size = parseSize(parts, source, lineNo);
                        sizeLine = lineNo;
                        table = new float[size * size * size * 3];
                    }
                    case "LUT_1D_SIZE" -> throw new LutFormatException(source, lineNo, "this is a 1D LUT (LUT_1D_SIZE)",
                            "export a 3D LUT (LUT_3D_SIZE 17, 33 or 65) from your grading tool");
                    case "DOMAIN_MIN" -> min = parseTriple(parts, source, lineNo);
                    case "DOMAIN_MAX" -> {
                        max = parseTriple(parts, source, lineNo);
                        domainSet = true;
                    }
                    case "LUT_3D_INPUT_RANGE" -> {
                        if (parts.length != 3) {
                            throw new LutFormatException(source, lineNo, "LUT_3D_INPUT_RANGE needs two numbers, found " + (parts.length - 1),
                                    "write it as LUT_3D_INPUT_RANGE 0.0 1.0");
                        }
                        float lo = number(parts[1], source, lineNo);
                        float hi = number(parts[2], source, lineNo);
                        min = new float[]{lo, lo, lo};
                        max = new float[]{hi, hi, hi};
                        domainSet = true;
                    }
                    default -> {
                        // Unknown keywords (e.g. LUT_1D_INPUT_RANGE from Resolve) do not affect a 3D table: skip.
                    }
                }
                continue;
            }
            if (size == 0) {
                throw new LutFormatException(source, lineNo, "data row before LUT_3D_SIZE",
                        "add a line 'LUT_3D_SIZE N' (N = 17, 33 or 65, the table's edge length) above the data");
            }
            if (parts.length != 3) {
                throw new LutFormatException(source, lineNo, "a data row needs 3 numbers (R G B), found " + parts.length,
                        "write each row as three numbers separated by spaces, e.g. 0.5 0.25 1.0");
            }
            if (rows == size * size * size) {
                throw new LutFormatException(source, lineNo, "more than " + size * size * size + " data rows for LUT_3D_SIZE " + size,
                        "remove the extra rows or correct LUT_3D_SIZE");
            }
            for (int c = 0; c < 3; c++) {
                table[rows * 3 + c] = number(parts[c], source, lineNo);
            }
            rows++;
        }
        if (size == 0) {
            throw new LutFormatException(source, Math.max(1, lastLine), "no LUT_3D_SIZE line",
                    "a 3D .cube file needs 'LUT_3D_SIZE N' followed by N^3 rows of R G B");
        }
        if (rows != size * size * size) {
            throw new LutFormatException(source, Math.max(1, lastLine), "LUT_3D_SIZE " + size + " needs " + size * size * size
                    + " data rows, found " + rows, "the file is truncated or LUT_3D_SIZE is wrong; re-export the LUT");
        }
        for (int c = 0; c < 3; c++) {
            if (!(min[c] < max[c])) {
                throw new LutFormatException(source, Math.max(1, lastLine), "DOMAIN_MIN must be below DOMAIN_MAX in every channel"
                        + (domainSet ? "" : " (DOMAIN_MIN above the default DOMAIN_MAX 1 1 1)"),
                        "use e.g. DOMAIN_MIN 0 0 0 and DOMAIN_MAX 1 1 1");
            }
        }
        return new CubeLut(title, size, min, max, table);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        // A '#' inside a quoted TITLE is part of the title, not a comment.
        if (hash >= 0 && line.stripLeading().startsWith("TITLE")) {
            int close = line.lastIndexOf('"');
            if (close > hash) {
                int after = line.indexOf('#', close);
                return after < 0 ? line : line.substring(0, after);
            }
        }
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String parseTitle(String line, String source, int lineNo) {
        String rest = line.substring("TITLE".length()).strip();
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            return rest.substring(1, rest.length() - 1);
        }
        throw new LutFormatException(source, lineNo, "TITLE must be in double quotes", "write it as TITLE \"My look\"");
    }

    private static int parseSize(String[] parts, String source, int lineNo) {
        if (parts.length != 2) {
            throw new LutFormatException(source, lineNo, "LUT_3D_SIZE needs one whole number", "write it as LUT_3D_SIZE 33");
        }
        int size;
        try {
            size = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new LutFormatException(source, lineNo, "LUT_3D_SIZE '" + parts[1] + "' is not a whole number", "write it as LUT_3D_SIZE 33");
        }
        if (size < 2 || size > MAX_SIZE) {
            throw new LutFormatException(source, lineNo, "LUT_3D_SIZE " + size + " is outside 2.." + MAX_SIZE,
                    "use a common size: 17, 33 or 65");
        }
        return size;
    }

    private static float[] parseTriple(String[] parts, String source, int lineNo) {
        if (parts.length != 4) {
            throw new LutFormatException(source, lineNo, parts[0] + " needs three numbers, found " + (parts.length - 1),
                    "write it as " + parts[0] + (parts[0].endsWith("MIN") ? " 0.0 0.0 0.0" : " 1.0 1.0 1.0"));
        }
        return new float[]{number(parts[1], source, lineNo), number(parts[2], source, lineNo), number(parts[3], source, lineNo)};
    }

    /** Plain decimal or scientific notation; Java's extras (NaN, Infinity, hex floats, 1f) are refused. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static float number(String token, String source, int lineNo) {
        if (!DECIMAL.matcher(token).matches()) {
            throw new LutFormatException(source, lineNo, "'" + token + "' is not a number",
                    "use plain decimals such as 0.5 or 1.0e-3 (no ',' decimal separator, NaN or Infinity)");
        }
        float v = Float.parseFloat(token);
        if (!Float.isFinite(v)) {
            throw new LutFormatException(source, lineNo, "'" + token + "' is too large", "use values near 0..1");
        }
        return v;
    }
}

package dev.sitter.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small multipart/form-data parser for presigned uploads: text fields plus one file part, binary-safe. */
final class Multipart {
    record Part(String name, String filename, String contentType, byte[] data) {}

    private Multipart() {}

    /** Parts by name (last one wins); throws IllegalArgumentException with a reason when the body is not multipart. */
    static Map<String, Part> parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("the upload must be multipart/form-data (Content-Type was " + contentType + ")");
        }
        String boundary = null;
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase().startsWith("boundary=")) boundary = t.substring(9).replace("\"", "");
        }
        if (boundary == null || boundary.isEmpty()) throw new IllegalArgumentException("the multipart Content-Type has no boundary");
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int pos = indexOf(body, delim, 0);
        if (pos < 0) throw new IllegalArgumentException("the multipart body does not contain its boundary");
        while (true) {
            int start = pos + delim.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break; // closing delimiter
            start = skipCrlf(body, start);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headerEnd < 0) throw new IllegalArgumentException("a multipart part has no header end");
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            int dataStart = headerEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), dataStart);
            if (next < 0) throw new IllegalArgumentException("the multipart body ends before its closing boundary");
            byte[] data = java.util.Arrays.copyOfRange(body, dataStart, next);
            String name = null, filename = null, ctype = null;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-disposition:")) {
                    name = attr(line, "name");
                    filename = attr(line, "filename");
                } else if (lower.startsWith("content-type:")) {
                    ctype = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            if (name != null) parts.put(name, new Part(name, filename, ctype, data));
            pos = next + 2;
        }
        return parts;
    }

    private static String attr(String header, String key) {
        for (String p : header.split(";")) {
            String t = p.trim();
            if (t.startsWith(key + "=")) {
                String v = t.substring(key.length() + 1);
                return v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int skipCrlf(byte[] b, int i) {
        if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') return i + 2;
        return i;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

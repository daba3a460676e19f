package dev.sitter.imaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A small self-contained HTML page ({@code index.html}) showing a set: each image with its caption
 * and its recipe. Everything user-supplied is HTML-escaped and image links are relative,
 * percent-encoded paths, so a hostile caption or recipe cannot inject markup and the folder can be
 * moved or zipped as a whole. No scripts, no external resources, no timestamps (deterministic).
 */
public final class Gallery {
    private Gallery() {}

    /** Writes {@code index.html} into {@code dir}; images are linked relative to it. */
    public static Path write(List<GalleryItem> items, Path dir, String title) {
        Path index = dir.resolve("index.html");
        Images.writeAtomically(index, html(items, dir, title).getBytes(StandardCharsets.UTF_8));
        return index;
    }

    /** The page text, with image links relative to {@code dir}. */
    public static String html(List<GalleryItem> items, Path dir, String title) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,sans-serif;background:#1e1e1e;color:#e8e8e8;margin:2em}\n")
                .append("main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1.5em}\n")
                .append("figure{margin:0;background:#2b2b2b;padding:.8em;border-radius:6px}\n")
                .append("img{width:100%;height:auto;display:block}\n")
                .append("figcaption{margin:.6em 0;font-weight:600}\n")
                .append("pre{white-space:pre-wrap;word-break:break-all;font-size:.75em;max-height:20em;overflow:auto;background:#161616;padding:.6em}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<main>\n");
        int n = 1;
        for (GalleryItem item : items) {
            String src = escape(relativeUrl(dir, item.image()));
            out.append("<figure id=\"image-").append(n).append("\">\n")
                    .append("<a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
                    .append(escape(item.caption())).append("\" loading=\"lazy\"></a>\n")
                    .append("<figcaption>").append(n).append(". ").append(escape(item.caption())).append("</figcaption>\n");
            if (!item.recipe().isEmpty()) {
                out.append("<details><summary>recipe</summary><pre>").append(escape(item.recipe())).append("</pre></details>\n");
            }
            out.append("</figure>\n");
            n++;
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The image's path relative to the page, '/'-separated and percent-encoded (spaces, '#', '?', non-ASCII). */
    static String relativeUrl(Path dir, Path image) {
        Path base = dir.toAbsolutePath().normalize();
        Path target = image.toAbsolutePath().normalize();
        Path relative = base.relativize(target);
        StringBuilder url = new StringBuilder();
        for (Path part : relative) {
            if (url.length() > 0) {
                url.append('/');
            }
            url.append(encodeSegment(part.toString()));
        }
        return url.toString();
    }

    private static String encodeSegment(String segment) {
        try {
            // URI's multi-argument constructor quotes illegal characters; '#', '?' and ':' need manual care.
            String encoded = new URI(null, null, segment, null).toASCIIString();
            encoded = encoded.replace("#", "%23").replace("?", "%3F");
            return encoded.contains(":") ? encoded.replace(":", "%3A") : encoded;
        } catch (URISyntaxException e) {
            throw new ImagingException("cannot link image name " + segment + " in the gallery. Fix: rename the file.");
        }
    }
}

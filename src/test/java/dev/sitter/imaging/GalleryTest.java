package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GalleryTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryImageWithCaptionAndRecipe() throws Exception {
        List<GalleryItem> items = List.of(
                new GalleryItem(dir.resolve("set/mara-0001.png"), "mara-0001 seed 4242", "{\"seed\": 4242}"),
                new GalleryItem(dir.resolve("set/mara-0002.png"), "mara-0002 seed 4243", ""));
        Path index = Gallery.write(items, dir.resolve("set"), "Mara pack");
        String html = Files.readString(index);
        assertTrue(html.contains("<title>Mara pack</title>"));
        assertTrue(html.contains("<img src=\"mara-0001.png\""), html);
        assertTrue(html.contains("1. mara-0001 seed 4242"));
        assertTrue(html.contains("{&quot;seed&quot;: 4242}"), "recipe shown, escaped");
        assertTrue(html.contains("2. mara-0002 seed 4243"));
        assertEquals(1, html.split("<pre>", -1).length - 1, "no empty recipe block");
        assertEquals(html, Gallery.html(items, dir.resolve("set"), "Mara pack"), "deterministic");
    }

    @Test
    void hostileTextCannotInjectMarkup() {
        String evil = "</pre><script>alert('x')</script><img src=x onerror=\"y\">&";
        String html = Gallery.html(List.of(new GalleryItem(dir.resolve("a.png"), evil, evil)), dir, evil);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("onerror=\""), html);
        assertTrue(html.contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&amp;"));
    }

    @Test
    void imageLinksAreRelativeAndPercentEncoded() {
        assertEquals("a%20b%23c%3F.png", Gallery.relativeUrl(dir, dir.resolve("a b#c?.png")));
        assertEquals("../other/x.png", Gallery.relativeUrl(dir.resolve("site"), dir.resolve("other/x.png")));
        assertEquals("sub/%C3%A9t%C3%A9.png", Gallery.relativeUrl(dir, dir.resolve("sub/\u00e9t\u00e9.png")));
        assertEquals("c%3Ad.png", Gallery.relativeUrl(dir, dir.resolve("c:d.png")));
        assertEquals("100%25.png", Gallery.relativeUrl(dir, dir.resolve("100%.png")));
    }
}

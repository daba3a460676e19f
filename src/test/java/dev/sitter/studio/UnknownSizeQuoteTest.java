package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.library.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Pricing an edit of an image whose record has no size (a WebP) says why and how to go ahead, and sends nothing. */
class UnknownSizeQuoteTest {
    @TempDir Path dir;

    @Test void anImageWithNoRecordedSizeCannotBePricedAndTheMessageSaysWhyAndHowToProceed() throws Exception {
        Library library = Library.open(dir.resolve("lib"));
        byte[] webp = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
        webp[4] = 56;
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
        String id = library.record(webp, Samples.spec("mara", 3), Samples.facts(3)).assetId();
        Asset asset = LeonardoStudio.fromLibrary(library, id);
        assertNull(asset.provenance().files().original().width(), "no size recorded for a WebP");
        LeonardoStudio studio = new LeonardoStudio(() -> { throw new AssertionError("nothing may be sent or asked"); },
                library, ImageSource.relativeTo(dir), a -> { });
        for (String command : new String[]{"upscale", "composite"}) {
            DslException e = assertThrows(DslException.class, () -> studio.quote(command, asset, null, Map.of()));
            String m = e.getMessage();
            assertTrue(m.contains("cannot price " + command) && m.contains("image/webp") && m.contains("budget null"), m);
            assertFalse(m.contains("sitter verify"), "verify cannot give it a size: " + m);
        }
    }
}

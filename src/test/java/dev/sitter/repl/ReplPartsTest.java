package dev.sitter.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's small parts: progress board, history filter, image previews, contact sheet, session script. */
class ReplPartsTest {
    @TempDir Path dir;

    @Test
    void progressBoardCountsJobsTimeAndCredits() {
        AtomicLong now = new AtomicLong(0);
        ProgressBoard b = new ProgressBoard(now::get);
        b.beginRun();
        b.queued("a");
        b.queued("b");
        b.started("a");
        assertTrue(b.busy());
        now.set(12_000_000_000L);
        b.finished("a", 1.5);
        assertTrue(b.statusLine().startsWith("jobs 1 queued · 0 running · 1 done · 0:12 · 1.50 credits"), b.statusLine());
        b.failed("b", "boom", 0.25);
        assertFalse(b.busy());
        assertTrue(b.statusLine().contains("1 failed"), b.statusLine());
        b.beginRun();
        assertTrue(b.statusLine().startsWith("jobs 0 queued · 0 running · 0 done · 0:00 · 0.00 credits"), b.statusLine());
        assertEquals(1.75, b.sessionCredits(), 1e-9);
    }

    @Test
    void historyNeverStoresTheApiKey() {
        KeySafeHistory h = new KeySafeHistory("sk-secret-123");
        h.add(java.time.Instant.now(), "generate mara");
        h.add(java.time.Instant.now(), "key = 'sk-secret-123'");
        assertEquals(1, h.size());
        assertEquals("generate mara", h.get(0));
    }

    @Test
    void imageProtocolFromTheEnvironment() throws IOException {
        assertEquals(InlineImages.KITTY, InlineImages.detect(Map.of("KITTY_WINDOW_ID", "1")));
        assertEquals(InlineImages.KITTY, InlineImages.detect(Map.of("TERM", "xterm-kitty")));
        assertEquals(InlineImages.ITERM2, InlineImages.detect(Map.of("TERM_PROGRAM", "iTerm.app")));
        assertEquals(InlineImages.NONE, InlineImages.detect(Map.of("TERM", "xterm-256color")));
        Path png = dir.resolve("x.png");
        Files.write(png, new byte[5000]);
        String kitty = InlineImages.KITTY.sequence(png);
        assertTrue(kitty.startsWith("\u001b_Gf=100,a=T,c=40,m=1;"), "first chunk says more follow");
        assertTrue(kitty.contains("\u001b_Gm=0;"), "last chunk closes the image");
        assertTrue(InlineImages.ITERM2.sequence(png).startsWith("\u001b]1337;File=inline=1;"));
        assertEquals("", InlineImages.NONE.sequence(png));
    }

    @Test
    void contactSheetOfABatch() throws IOException {
        Path a = dir.resolve("a.png");
        ImageIO.write(new BufferedImage(64, 96, BufferedImage.TYPE_INT_RGB), "png", a.toFile());
        Path corrupt = dir.resolve("b.png");
        Files.writeString(corrupt, "not a png");
        List<AssetView> batch = List.of(
                new AssetView("aaaaaaaaaaaaaaaa", 1L, 64, 96, 1.0, a, null),
                new AssetView("bbbbbbbbbbbbbbbb", 2L, 64, 96, 1.0, corrupt, null),
                new AssetView("cccccccccccccccc", 3L, 64, 96, 1.0, null, null));
        Path out = dir.resolve("sheets/s.png");
        List<String> problems = ContactSheet.write(batch, out);
        BufferedImage sheet = ImageIO.read(out.toFile());
        int g = ContactSheet.GAP, t = ContactSheet.TILE;
        assertEquals(g + 3 * (t + g), sheet.getWidth());
        assertEquals(g + (t + ContactSheet.LABEL + g), sheet.getHeight());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bbbbbbbbbbbbbbbb: "), problems.toString());
    }

    @Test
    void sessionScriptStartsWithTheBlocksAndSkipsFailuresAndLooks() {
        SessionLog log = new SessionLog();
        log.add(new SessionLog.Entry("input-1", "character('m') { }", SessionLog.Origin.TYPED, null, true));
        log.add(new SessionLog.Entry("input-2", "m.identity", SessionLog.Origin.TYPED, null, true));
        log.add(new SessionLog.Entry("input-3", "generat m", SessionLog.Origin.TYPED, null, false));
        log.add(new SessionLog.Entry("input-4", "generate m, seed: 2", SessionLog.Origin.TWEAKED, null, true));
        log.add(new SessionLog.Entry("x.groovy", "style('s') { }", SessionLog.Origin.LOADED, "x.groovy", true));
        String script = log.toScript(List.of("blocks/styles/noir.groovy"));
        assertEquals("""
                // Saved from a Sitter console session; replay with: sitter run FILE

                // The library blocks the console loaded at start.
                include 'blocks/styles/noir.groovy'

                character('m') { }

                generate m, seed: 2

                // ---- loaded from x.groovy
                style('s') { }
                // ---- end of x.groovy
                """, script);
    }

    @Test
    void modelNamesComeFromTheCacheWhenAnInputListedThem() {
        ModelCatalog c = new ModelCatalog(dir);
        assertEquals(ModelCatalog.BUILT_IN, c.names());
        c.rememberFrom(List.of(new dev.sitter.leonardo.PlatformModel("id1", "Zeta Model", null, false, false),
                new dev.sitter.leonardo.PlatformModel("id2", "Alpha Model", null, false, true)));
        assertEquals(List.of("Alpha Model", "Zeta Model"), c.names());
        assertEquals(List.of("Alpha Model", "Zeta Model"), new ModelCatalog(dir).names(), "cached for the next session");
        c.rememberFrom(List.of("not models"));
        assertEquals(List.of("Alpha Model", "Zeta Model"), c.names());
    }
}

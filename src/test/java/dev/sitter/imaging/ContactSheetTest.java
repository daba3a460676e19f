package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ContactSheetTest {
    @TempDir
    Path dir;

    private List<GalleryItem> items(int n) {
        List<GalleryItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path file = dir.resolve("img-" + i + ".png");
            Images.writePng(TestImages.solid(64, 96, 0xff000000 | (i * 40) << 16 | 0x80), file);
            items.add(new GalleryItem(file, "mara-000" + i + "\nseed " + (4242 + i), "{}"));
        }
        return items;
    }

    @Test
    void laysOutAGridAndPlacesEachThumbnailInItsCell() {
        ContactSheet.Layout layout = new ContactSheet.Layout(3, 64, 96, 10, 1, true);
        BufferedImage sheet = ContactSheet.render(items(5), layout);
        int captionHeight = 2 * 10 + 4;
        assertEquals(10 + 3 * (64 + 10), sheet.getWidth());
        assertEquals(10 + 2 * (96 + captionHeight + 10), sheet.getHeight());
        // the centre of thumbnail i has image i's colour
        for (int i = 0; i < 5; i++) {
            int x = 10 + (i % 3) * 74 + 32;
            int y = 10 + (i / 3) * (96 + captionHeight + 10) + 48;
            assertEquals(0xff000000 | (i * 40) << 16 | 0x80, sheet.getRGB(x, y), "thumbnail " + i);
        }
        // the empty sixth cell is background
        assertEquals(ContactSheet.BACKGROUND, sheet.getRGB(10 + 2 * 74 + 32, 10 + (96 + captionHeight + 10) + 48));
    }

    @Test
    void captionsAreDrawnUnderTheThumbnails() {
        ContactSheet.Layout layout = new ContactSheet.Layout(1, 64, 96, 10, 1, false);
        BufferedImage sheet = ContactSheet.render(items(1), layout);
        int textPixels = 0;
        for (int y = 10 + 96; y < sheet.getHeight() - 10; y++) {
            for (int x = 10; x < 74; x++) {
                if (sheet.getRGB(x, y) == ContactSheet.TEXT) {
                    textPixels++;
                }
            }
        }
        assertTrue(textPixels > 50, "caption pixels: " + textPixels);
    }

    @Test
    void sameInputGivesTheSameBytes() {
        List<GalleryItem> items = items(4);
        Path a = dir.resolve("a/contact-sheet.png");
        Path b = dir.resolve("b/contact-sheet.png");
        ContactSheet.write(items, a);
        ContactSheet.write(items, b);
        assertArrayEquals(Images.pngBytes(Images.read(a)), Images.pngBytes(Images.read(b)));
        assertEquals(Images.pixels(Images.read(a)).length, Images.pixels(Images.read(b)).length);
    }

    @Test
    void defaultLayoutIsRoughlySquare() {
        BufferedImage sheet = ContactSheet.render(items(9), ContactSheet.Layout.DEFAULT);
        assertEquals(12 + 3 * (200 + 12), sheet.getWidth());
    }

    @Test
    void emptySetAndUnreadableImagesAreClearErrors() throws Exception {
        ImagingException empty = assertThrows(ImagingException.class, () -> ContactSheet.render(List.of(), ContactSheet.Layout.DEFAULT));
        assertTrue(empty.getMessage().contains("at least one image"));
        Path bad = dir.resolve("broken.png");
        Files.writeString(bad, "nope");
        ImagingException e = assertThrows(ImagingException.class,
                () -> ContactSheet.render(List.of(new GalleryItem(bad, "x", "")), ContactSheet.Layout.DEFAULT));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void longCaptionsAreCutToFit() {
        assertEquals("ABCDEFG...", BitmapFont.fit("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 60, 1));
        assertEquals("short", BitmapFont.fit("short", 60, 1));
        assertEquals(BitmapFont.rows('?'), BitmapFont.rows('\u00e9'), "non-ASCII drawn as ?");
        assertEquals(BitmapFont.rows('A'), BitmapFont.rows('a'), "letters drawn as capitals");
    }
}

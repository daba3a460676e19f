package dev.sitter.imaging;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A grid of thumbnails with captions ({@code contact-sheet.png}), to compare a set at a glance and
 * pick winners by number. Deterministic: the same images and captions give the same PNG bytes on
 * every machine (area-average thumbnails, a built-in pixel font, no timestamps).
 */
public final class ContactSheet {
    /**
     * Layout of the sheet.
     *
     * @param columns      thumbnails per row (0 = choose: about square, at most 6)
     * @param thumbWidth   thumbnail box width; images are fitted inside, keeping their aspect ratio
     * @param thumbHeight  thumbnail box height
     * @param padding      space around and between cells
     * @param captionScale pixel-font scale (1 = 7 px tall letters)
     * @param numbered     prefix each caption with its 1-based number, as typed to pick winners
     */
    public record Layout(int columns, int thumbWidth, int thumbHeight, int padding, int captionScale, boolean numbered) {
        public static final Layout DEFAULT = new Layout(0, 200, 300, 12, 1, true);

        public Layout {
            if (columns < 0 || thumbWidth < 16 || thumbHeight < 16 || padding < 0 || captionScale < 1 || captionScale > 4) {
                throw new IllegalArgumentException("contact sheet layout out of range: columns >= 0, thumbnails >= 16 px,"
                        + " padding >= 0, caption scale 1..4; got " + this);
            }
        }
    }

    static final int BACKGROUND = 0xff1e1e1e;
    static final int CELL = 0xff2b2b2b;
    static final int TEXT = 0xffe8e8e8;
    private static final int CAPTION_LINES = 2;

    private ContactSheet() {}

    /** Renders and writes the sheet crash-safely. */
    public static void write(List<GalleryItem> items, Path file, Layout layout) {
        Images.writePng(render(items, layout), file);
    }

    public static void write(List<GalleryItem> items, Path file) {
        write(items, file, Layout.DEFAULT);
    }

    public static BufferedImage render(List<GalleryItem> items, Layout layout) {
        if (items.isEmpty()) {
            throw new ImagingException("a contact sheet needs at least one image. Fix: check that the step before produced images.");
        }
        int n = items.size();
        int columns = layout.columns() > 0 ? layout.columns() : Math.min(6, (int) Math.ceil(Math.sqrt(n)));
        columns = Math.min(columns, n);
        int rows = (n + columns - 1) / columns;
        int lineHeight = (BitmapFont.GLYPH_HEIGHT + 3) * layout.captionScale();
        int captionHeight = CAPTION_LINES * lineHeight + 4;
        int cellW = layout.thumbWidth();
        int cellH = layout.thumbHeight() + captionHeight;
        int pad = layout.padding();
        int width = pad + columns * (cellW + pad);
        int height = pad + rows * (cellH + pad);
        if ((long) width * height > Images.MAX_PIXELS) {
            throw new ImagingException("a contact sheet of " + n + " images would be " + width + "x" + height
                    + " pixels. Fix: use smaller thumbnails or split the set.");
        }
        int[] px = new int[width * height];
        Arrays.fill(px, BACKGROUND);
        for (int i = 0; i < n; i++) {
            GalleryItem item = items.get(i);
            int cx = pad + (i % columns) * (cellW + pad);
            int cy = pad + (i / columns) * (cellH + pad);
            fill(px, width, cx, cy, cellW, cellH, CELL);
            BufferedImage thumb = Resizer.fit(Images.read(item.image()), cellW, layout.thumbHeight());
            int tx = cx + (cellW - thumb.getWidth()) / 2;
            int ty = cy + (layout.thumbHeight() - thumb.getHeight()) / 2;
            blit(px, width, Images.pixels(thumb), thumb.getWidth(), thumb.getHeight(), tx, ty);
            String caption = (layout.numbered() ? (i + 1) + "  " : "") + item.caption();
            String[] lines = caption.split("\r?\n", -1);
            for (int l = 0; l < Math.min(CAPTION_LINES, lines.length); l++) {
                String line = BitmapFont.fit(lines[l], cellW - 8, layout.captionScale());
                BitmapFont.draw(px, width, height, line, cx + 4, cy + layout.thumbHeight() + 4 + l * lineHeight,
                        layout.captionScale(), TEXT);
            }
        }
        return Images.fromPixels(px, width, height);
    }

    private static void fill(int[] px, int width, int x, int y, int w, int h, int argb) {
        for (int row = y; row < y + h; row++) {
            Arrays.fill(px, row * width + x, row * width + x + w, argb);
        }
    }

    /** Draws src over the sheet with alpha blending, so transparent thumbnails show the cell colour. */
    private static void blit(int[] px, int width, int[] src, int sw, int sh, int x, int y) {
        for (int row = 0; row < sh; row++) {
            for (int col = 0; col < sw; col++) {
                int s = src[row * sw + col];
                int a = s >>> 24;
                int i = (y + row) * width + x + col;
                if (a == 255) {
                    px[i] = s;
                } else if (a > 0) {
                    int d = px[i];
                    int r = ((s >> 16 & 0xff) * a + (d >> 16 & 0xff) * (255 - a) + 127) / 255;
                    int g = ((s >> 8 & 0xff) * a + (d >> 8 & 0xff) * (255 - a) + 127) / 255;
                    int b = ((s & 0xff) * a + (d & 0xff) * (255 - a) + 127) / 255;
                    px[i] = 0xff000000 | r << 16 | g << 8 | b;
                }
            }
        }
    }
}

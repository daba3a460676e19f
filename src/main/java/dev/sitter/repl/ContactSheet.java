package dev.sitter.repl;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact sheet of a batch: thumbnails on a grid, each labelled with its id and seed, written as
 * one PNG. Images that cannot be read get a grey tile saying so, rather than failing the sheet.
 */
final class ContactSheet {
    static final int TILE = 256;
    static final int LABEL = 34;
    static final int GAP = 8;

    private ContactSheet() {}

    /** Writes the sheet; returns the problems (unreadable images), empty when all went in. */
    static List<String> write(List<AssetView> assets, Path out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int cols = Math.min(4, Math.max(1, assets.size()));
        int rows = (assets.size() + cols - 1) / cols;
        BufferedImage sheet = new BufferedImage(GAP + cols * (TILE + GAP), GAP + rows * (TILE + LABEL + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        List<String> problems = new ArrayList<>();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(24, 24, 24));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i < assets.size(); i++) {
                AssetView a = assets.get(i);
                int x = GAP + (i % cols) * (TILE + GAP);
                int y = GAP + (i / cols) * (TILE + LABEL + GAP);
                BufferedImage img = read(a, problems);
                if (img == null) {
                    g.setColor(new Color(80, 80, 80));
                    g.fillRect(x, y, TILE, TILE);
                    g.setColor(Color.WHITE);
                    g.drawString("no image", x + 8, y + TILE / 2);
                } else {
                    double scale = Math.min((double) TILE / img.getWidth(), (double) TILE / img.getHeight());
                    int w = (int) Math.round(img.getWidth() * scale), h = (int) Math.round(img.getHeight() * scale);
                    g.drawImage(img, x + (TILE - w) / 2, y + (TILE - h) / 2, w, h, null);
                }
                g.setColor(Color.WHITE);
                g.drawString(a.shortId(), x, y + TILE + 14);
                g.setColor(new Color(180, 180, 180));
                g.drawString((a.seed() == null ? "seed ?" : "seed " + a.seed()) + (a.size().isEmpty() ? "" : "  " + a.size()), x, y + TILE + 28);
            }
        } finally {
            g.dispose();
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        ImageIO.write(sheet, "png", tmp.toFile());
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return problems;
    }

    private static BufferedImage read(AssetView a, List<String> problems) {
        if (a.path() == null) {
            problems.add(a.id() + ": no file yet");
            return null;
        }
        try {
            BufferedImage img = ImageIO.read(a.path().toFile());
            if (img == null) problems.add(a.id() + ": " + a.path() + " is not an image ImageIO can read");
            return img;
        } catch (IOException | RuntimeException e) {
            problems.add(a.id() + ": cannot read " + a.path() + " (" + e.getMessage() + ")");
            return null;
        }
    }

}

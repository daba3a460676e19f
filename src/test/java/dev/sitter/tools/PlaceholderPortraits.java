package dev.sitter.tools;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the style swatches the DSL examples reference (character anchors come from
 * {@link SandboxAnchors}), so the examples run without any real photo. Deterministic:
 * the same code writes the same bytes. Run once and commit the PNGs:
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.sitter.tools.PlaceholderPortraits -Dexec.args=dsl-examples</pre>
 * or with plain java on the test classpath.
 */
public final class PlaceholderPortraits {
    private static final int SIZE = 192;

    record Look(Color skin, Color hair, Color eyes, boolean streak, boolean scar, boolean longHair, Color background) { }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "dsl-examples");
        write(root.resolve("anchors/styles/noir.png"), swatch(new Color(0x050505), new Color(0xE0E0E0), 7));
        write(root.resolve("anchors/styles/watercolour.png"), swatch(new Color(0x6FA8DC), new Color(0xF6D7A7), 3));
    }

    static BufferedImage portrait(Look look, String pose) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, look.background().brighter(), 0, SIZE, look.background()));
        g.fillRect(0, 0, SIZE, SIZE);
        double turn = switch (pose) { case "profile" -> 1.0; case "three-quarter" -> 0.5; default -> 0.0; };
        double cx = SIZE / 2.0, cy = SIZE * 0.46, w = SIZE * (0.40 - 0.08 * turn), h = SIZE * 0.52;
        // shoulders
        g.setColor(look.background().darker().darker());
        g.fill(new Ellipse2D.Double(cx - SIZE * 0.38, SIZE * 0.80, SIZE * 0.76, SIZE * 0.5));
        // neck and head
        g.setColor(look.skin().darker());
        g.fillRect((int) (cx - w * 0.2), (int) (cy + h * 0.35), (int) (w * 0.4), (int) (h * 0.35));
        g.setColor(look.hair());
        double hairDrop = look.longHair() ? h * 0.95 : h * 0.55;
        g.fill(new Ellipse2D.Double(cx - w * 0.58 + turn * w * 0.15, cy - h * 0.56, w * 1.16, hairDrop + h * 0.1));
        g.setColor(look.skin());
        g.fill(new Ellipse2D.Double(cx - w / 2 + turn * w * 0.12, cy - h / 2 + h * 0.08, w, h * 0.9));
        if (look.streak()) {
            g.setColor(new Color(0xC0C0C0));
            g.setStroke(new BasicStroke(5));
            g.drawArc((int) (cx - w * 0.45), (int) (cy - h * 0.5), (int) (w * 0.9), (int) (h * 0.5), 100, 40);
        }
        // eyes: two when facing, one in profile
        double eyeY = cy - h * 0.02;
        double shift = turn * w * 0.28;
        g.setColor(Color.WHITE);
        if (turn < 1.0) g.fill(new Ellipse2D.Double(cx - w * 0.27 + shift, eyeY, w * 0.16, h * 0.07));
        g.fill(new Ellipse2D.Double(cx + w * 0.11 + shift, eyeY, w * 0.16, h * 0.07));
        g.setColor(look.eyes());
        if (turn < 1.0) g.fill(new Ellipse2D.Double(cx - w * 0.22 + shift, eyeY + h * 0.005, w * 0.07, h * 0.06));
        g.fill(new Ellipse2D.Double(cx + w * 0.16 + shift, eyeY + h * 0.005, w * 0.07, h * 0.06));
        // nose and mouth
        g.setColor(look.skin().darker());
        g.setStroke(new BasicStroke(2));
        g.drawLine((int) (cx + shift * 1.2), (int) (eyeY + h * 0.08), (int) (cx + shift * 1.4 + 4), (int) (eyeY + h * 0.17));
        g.setColor(new Color(0x8B3A3A));
        g.drawLine((int) (cx - w * 0.12 + shift), (int) (cy + h * 0.25), (int) (cx + w * 0.12 + shift), (int) (cy + h * 0.25));
        if (look.scar() && turn < 1.0) {
            g.setColor(new Color(0x9B5B4B));
            g.drawLine((int) (cx - w * 0.32 + shift), (int) (cy + h * 0.08), (int) (cx - w * 0.2 + shift), (int) (cy + h * 0.16));
        }
        g.dispose();
        return img;
    }

    static BufferedImage swatch(Color a, Color b, int bands) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < bands; i++) {
            float t = bands == 1 ? 0 : (float) i / (bands - 1);
            g.setColor(new Color((int) (a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) (a.getGreen() + t * (b.getGreen() - a.getGreen())), (int) (a.getBlue() + t * (b.getBlue() - a.getBlue()))));
            g.fillRect(i * SIZE / bands, 0, SIZE / bands + 1, SIZE);
        }
        g.dispose();
        return img;
    }

    private static void write(Path file, BufferedImage img) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        System.out.println(file + " " + Files.size(file) + " bytes");
    }
}

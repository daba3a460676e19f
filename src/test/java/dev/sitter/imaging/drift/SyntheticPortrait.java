package dev.sitter.imaging.drift;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A crude head-and-shoulders drawing for drift tests before (and independent of) the sandbox:
 * identity = skin, hair and eye colours and glasses; the seed varies pose, light and background.
 */
record SyntheticPortrait(Color skin, Color hair, Color eyes, boolean glasses) {
    static final SyntheticPortrait MARA = new SyntheticPortrait(new Color(198, 160, 120), new Color(25, 22, 24), new Color(60, 140, 80), false);

    BufferedImage render(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float light = 0.8f + 0.4f * random.nextFloat();
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(0, 0, width, height);
        double dx = (random.nextDouble() - 0.5) * width * 0.12;
        double dy = (random.nextDouble() - 0.5) * height * 0.05;
        double cx = width / 2.0 + dx;
        double headW = width * 0.34, headH = height * 0.32;
        double headY = height * 0.18 + dy;
        g.setColor(lit(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)), light));
        g.fill(new Ellipse2D.Double(cx - width * 0.42, height * 0.68, width * 0.84, height * 0.6));
        g.setColor(lit(skin, light));
        g.fill(new Ellipse2D.Double(cx - width * 0.07, headY + headH * 0.8, width * 0.14, height * 0.2)); // neck
        g.setColor(lit(hair, light));
        g.fill(new Ellipse2D.Double(cx - headW * 0.58, headY - headH * 0.1, headW * 1.16, headH * 0.85));
        g.setColor(lit(skin, light));
        g.fill(new Ellipse2D.Double(cx - headW / 2, headY + headH * 0.12, headW, headH * 0.9));
        double eyeY = headY + headH * 0.45;
        g.setColor(lit(eyes, light));
        for (int side = -1; side <= 1; side += 2) {
            g.fill(new Ellipse2D.Double(cx + side * headW * 0.2 - headW * 0.07, eyeY - headH * 0.035, headW * 0.14, headH * 0.07));
        }
        if (glasses) {
            g.setColor(new Color(20, 20, 20));
            g.setStroke(new BasicStroke(Math.max(2f, width / 90f)));
            for (int side = -1; side <= 1; side += 2) {
                g.draw(new Ellipse2D.Double(cx + side * headW * 0.2 - headW * 0.15, eyeY - headH * 0.09, headW * 0.3, headH * 0.18));
            }
        }
        g.dispose();
        return image;
    }

    private static Color lit(Color c, float light) {
        return new Color(Math.min(255, Math.round(c.getRed() * light)), Math.min(255, Math.round(c.getGreen() * light)),
                Math.min(255, Math.round(c.getBlue() * light)));
    }

    SyntheticPortrait withHair(Color c) {
        return new SyntheticPortrait(skin, c, eyes, glasses);
    }

    SyntheticPortrait withSkin(Color c) {
        return new SyntheticPortrait(c, hair, eyes, glasses);
    }

    SyntheticPortrait withGlasses() {
        return new SyntheticPortrait(skin, hair, eyes, true);
    }
}

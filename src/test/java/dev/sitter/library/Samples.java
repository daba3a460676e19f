package dev.sitter.library;

import dev.sitter.model.InitImage;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Recipe;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test data: small real images and a fully populated request. */
public final class Samples {
    private Samples() {}

    /** A small PNG whose pixels depend on {@code seed}, so different seeds give different bytes. */
    public static byte[] png(int w, int h, long seed) { return encode(w, h, seed, "png"); }

    public static byte[] jpeg(int w, int h, long seed) { return encode(w, h, seed, "jpg"); }

    /** An inpaint mask as users draw one: white (repainted) over the hair, black elsewhere. */
    public static byte[] mask(int w, int h) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = m.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(w / 4, 0, w / 2, h / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(m, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] encode(int w, int h, long seed, String format) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static PromptSpec spec(String character, long seed) {
        return PromptSpec.builder()
                .modelId("b24e16ff-06e3-43eb-8d33-4416c2d75876")
                .modelName("Leonardo Kino XL")
                .prompt("Mara Voss, 34, olive skin, short black bob with a silver streak, green eyes, film noir, 85mm f/1.8")
                .negativePrompt("extra fingers, mutated features, watermark, text")
                .presetStyle("CINEMATIC")
                .size(832, 1216)
                .steps(30)
                .guidance(7.0)
                .seed(seed)
                .numImages(1)
                .alchemy(false)
                .references(List.of(
                        new ReferenceImage(ReferenceRole.CHARACTER, "anchors/mara/front.png",
                                "1111111111111111111111111111111111111111111111111111111111111111", null, 133, "Mid", null, "frontal"),
                        new ReferenceImage(ReferenceRole.STYLE, null, null, "gen-img-77", 67, "High", null, null)))
                .init(new InitImage("anchors/mara/base.png", "2222222222222222222222222222222222222222222222222222222222222222", null, 0.35))
                .extra("styleUUID", "abc-123")
                .recipe(new Recipe(character, "Mara Voss, 34, olive skin, short black bob with a silver streak, green eyes",
                        "canonical", "noir", "portrait85", "hard", "d".repeat(64), "scripts/mara.groovy", 42))
                .build();
    }

    public static GenerationFacts facts(long seedReturned) {
        return GenerationFacts.builder()
                .generationId("gen-" + seedReturned)
                .imageId("img-" + seedReturned)
                .seedReturned(seedReturned)
                .cost(new BigDecimal("12"), "credits")
                .backend("sandbox", "http://127.0.0.1:40123/api/rest/v1")
                .step("explore")
                .requestedAt(Instant.parse("2026-11-27T09:00:00Z"))
                .completedAt(Instant.parse("2026-11-27T09:00:05Z"))
                .upload("1111111111111111111111111111111111111111111111111111111111111111", "init-img-1")
                .build();
    }
}

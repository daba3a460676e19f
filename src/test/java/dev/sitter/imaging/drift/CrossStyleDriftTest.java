package dev.sitter.imaging.drift;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Drift must measure identity, not style: a black-and-white render of the anchored identity scores
 * low against colour anchors, a drifted one high.
 */
class CrossStyleDriftTest {
    private static SandboxRenders renders;

    @BeforeAll
    static void start() {
        renders = new SandboxRenders(256, 384);
    }

    @AfterAll
    static void stop() {
        renders.close();
    }

    /** The image as a black-and-white style gives it: luma only, with a hard contrast curve. */
    static BufferedImage noir(BufferedImage colour) {
        BufferedImage out = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < colour.getHeight(); y++) {
            for (int x = 0; x < colour.getWidth(); x++) {
                int p = colour.getRGB(x, y);
                double l = (0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff)) / 255;
                l = l * l * (3 - 2 * l);
                int g = (int) Math.round(l * 255);
                out.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return out;
    }

    @Test
    void monochromeIsDetected() {
        BufferedImage colour = SyntheticPortrait.MARA.render(1, 256, 384);
        assertFalse(FeatureExtractor.of(colour).monochrome());
        assertTrue(FeatureExtractor.of(noir(colour)).monochrome());
    }

    @Test
    void aBlackAndWhiteCopyOfTheIdentityScoresLowAndABlackAndWhiteDriftHigh() {
        SyntheticPortrait mara = SyntheticPortrait.MARA;
        DriftScorer scorer = DriftScorer.forImages(List.of(mara.render(1, 256, 384), mara.render(2, 256, 384), mara.render(3, 256, 384)));
        double faithful = scorer.score(noir(mara.render(7, 256, 384))).score();
        double blonde = scorer.score(noir(mara.withHair(new Color(235, 215, 150)).render(7, 256, 384))).score();
        assertTrue(faithful < 0.25, "black-and-white render of the same identity: " + faithful);
        assertTrue(blonde > 0.25 && blonde > faithful + 0.15, "black-and-white render with blonde hair: " + blonde + " vs " + faithful);
    }

    @Test
    void greyAndColourReferencesAreComparedOnLuminanceStructureButTwoGreyImagesAreNot() {
        BufferedImage a = SyntheticPortrait.MARA.render(1, 256, 384);
        ImageFeatures colour = FeatureExtractor.of(a), grey = FeatureExtractor.of(noir(a));
        // colour against grey: the colour histograms are useless, the luminance structure agrees
        DriftComponents cross = DriftComponents.between(colour, grey);
        assertEquals(cross, DriftComponents.between(colour, grey, true));
        assertTrue(cross.layout() < 0.05, "layout " + cross.layout());
        assertTrue(DriftComponents.between(colour, grey, false).faceColour() > 0.5);
        // a noir series against noir anchors keeps the colour-mode features (grey bins, tone)
        DriftScorer greyScorer = DriftScorer.forImages(List.of(noir(a)));
        assertEquals(0, greyScorer.score(noir(a)).score(), 1e-6);
    }

    @Test
    void sandboxNoirRendersAgainstPhotorealAnchorsSeparateFaithfulFromDrifted() throws Exception {
        String character = SandboxRenders.CHARACTERS.get(0);
        List<ImageFeatures> anchors = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            anchors.add(FeatureExtractor.of(renders.render(character + ", " + SandboxRenders.NEUTRAL_ANCHOR_STYLE, seed, false)));
        }
        assertFalse(anchors.get(0).monochrome());
        DriftScorer scorer = new DriftScorer(anchors, DriftWeights.DEFAULT);
        double faithful = 0, drifted = 0;
        int n = 4;
        for (int i = 0; i < n; i++) {
            BufferedImage f = renders.render(character + ", film noir", 300 + i, false);
            assertTrue(FeatureExtractor.of(f).monochrome());
            faithful += scorer.score(f).score() / n;
            drifted += scorer.score(renders.render(character + ", film noir", 400 + i, true)).score() / n;
        }
        assertTrue(faithful < 0.25, "mean faithful noir drift against photoreal anchors: " + faithful);
        assertTrue(drifted > faithful + 0.15, "mean drifted " + drifted + " vs faithful " + faithful);
    }
}

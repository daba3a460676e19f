package dev.sitter.imaging.drift;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.Resizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DriftScorerTest {
    @TempDir
    Path dir;

    static final SyntheticPortrait MARA = SyntheticPortrait.MARA;

    private static DriftScorer maraScorer() {
        return DriftScorer.forImages(List.of(MARA.render(1, 256, 384), MARA.render(2, 256, 384), MARA.render(3, 256, 384)));
    }

    @Test
    void aReferenceScoresZeroAgainstItself() {
        BufferedImage master = MARA.render(1, 256, 384);
        DriftScore s = DriftScorer.forImages(List.of(master)).score(master);
        assertEquals(0, s.score(), 1e-6);
        assertEquals(0, s.nearestReference());
    }

    @Test
    void resizedCopyOfAReferenceScoresNearZero() {
        BufferedImage master = MARA.render(1, 512, 768);
        DriftScorer scorer = DriftScorer.forImages(List.of(master));
        assertTrue(scorer.score(Resizer.resize(master, 200, 300, Resizer.Filter.LANCZOS3)).score() < 0.05);
    }

    @Test
    void featuresAreDeterministicAndSurviveAPngRoundTrip() {
        Path file = dir.resolve("a.png");
        BufferedImage img = MARA.render(9, 300, 450);
        Images.writePng(img, file);
        assertEquals(FeatureExtractor.of(img), FeatureExtractor.of(file));
        assertEquals(FeatureExtractor.of(img), FeatureExtractor.of(MARA.render(9, 300, 450)));
    }

    @Test
    void nearestReferenceIsReported() {
        BufferedImage a = MARA.render(1, 256, 384);
        BufferedImage b = MARA.withHair(new Color(200, 40, 30)).render(2, 256, 384);
        DriftScorer scorer = DriftScorer.forImages(List.of(a, b));
        assertEquals(1, scorer.score(b).nearestReference());
        assertEquals(0, scorer.score(a).nearestReference());
    }

    @Test
    void identityChangesScoreWorseThanPoseLightAndBackgroundChanges() {
        DriftScorer scorer = maraScorer();
        List<Double> faithful = new ArrayList<>();
        List<Double> drifted = new ArrayList<>();
        SyntheticPortrait[] strays = {
                MARA.withHair(new Color(220, 180, 90)),   // blond instead of black
                MARA.withHair(new Color(170, 50, 30)),    // red hair
                MARA.withSkin(new Color(110, 70, 50)),    // much darker skin
                MARA.withSkin(new Color(240, 215, 200)),  // much paler skin
        };
        for (long seed = 100; seed < 140; seed++) {
            faithful.add(scorer.score(MARA.render(seed, 256, 384)).score());
            drifted.add(scorer.score(strays[(int) (seed % strays.length)].render(seed, 256, 384)).score());
        }
        // These crude drawings put random backdrops right against the head, so demand a strong
        // ranking rather than a perfect split; the sandbox benchmark measures the real separation.
        Separation sep = Separation.of(faithful, drifted);
        assertTrue(sep.auc() > 0.9, sep.report());
        assertTrue(sep.driftedMean() > sep.faithfulMean() + 0.1, sep.report());
    }

    @Test
    void scoresStayInTheUnitInterval() {
        DriftScorer scorer = maraScorer();
        int[] px = new int[64 * 64];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt();
        }
        for (BufferedImage img : List.of(Images.fromPixels(px, 64, 64), new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB),
                MARA.withGlasses().render(5, 100, 150))) {
            double s = scorer.score(img).score();
            assertTrue(s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void flatImagesDoNotDivideByZero() {
        BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        DriftScore s = DriftScorer.forImages(List.of(grey)).score(grey);
        assertEquals(0, s.score(), 1e-6);
        assertTrue(DriftScorer.forImages(List.of(grey)).score(MARA.render(1, 64, 96)).score() > 0.3);
    }

    @Test
    void weightsMustBeValid() {
        assertThrows(IllegalArgumentException.class, () -> new DriftWeights(0.5, 0.5, 0.5, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DriftWeights(-0.1, 0.1, 1, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DriftWeights(Double.NaN, 0, 1, 0, 0, 0, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DriftScorer(List.of(), DriftWeights.DEFAULT));
        assertTrue(e.getMessage().contains("master"), e.getMessage());
    }

    @Test
    void unreadableReferenceNamesTheFile() {
        var e = assertThrows(dev.sitter.imaging.ImagingException.class,
                () -> DriftScorer.forFiles(null, List.of(dir.resolve("anchors/front.png"))));
        assertTrue(e.getMessage().contains("front.png"), e.getMessage());
    }

    /** A flat backdrop with a skin-coloured head and dark hair in the face region. */
    private static BufferedImage onBackdrop(int backdrop, int skin) {
        int w = 128, h = 192;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - 64) / 30.0, dy = (y - 80) / 40.0;
                boolean head = dx * dx + dy * dy < 1;
                boolean hair = head && y < 60;
                px[y * w + x] = hair ? 0xff201816 : head ? skin : backdrop;
            }
        }
        return Images.fromPixels(px, w, h);
    }

    @Test
    void maskedAndUnmaskedImagesAreComparedLikeWithLike() {
        BufferedImage plain = onBackdrop(0xff3060a0, 0xffc79a6b);
        BufferedImage camouflaged = onBackdrop(0xffc79a6b, 0xffc79a6b);
        ImageFeatures a = FeatureExtractor.of(plain);
        ImageFeatures b = FeatureExtractor.of(camouflaged);
        assertNotNull(a.masked());
        assertSame(a.unmasked(), ImageFeatures.comparable(a, b, false)[0]);
        assertSame(a.masked(), ImageFeatures.comparable(a, a, false)[0]);
    }

    @Test
    void theBackdropColourDoesNotCountAsDrift() {
        DriftScorer scorer = DriftScorer.forImages(List.of(onBackdrop(0xff3060a0, 0xffc79a6b)));
        DriftScore same = scorer.score(onBackdrop(0xff60a030, 0xffc79a6b));
        assertTrue(same.score() < 0.05, "same sitter, other backdrop: " + same.components());
        assertTrue(scorer.score(onBackdrop(0xff60a030, 0xff5c3a24)).score() > 0.2, "other skin");
    }

    @Test
    void aSitterInTheBackdropsColoursIsComparedUnmasked() {
        BufferedImage camouflaged = onBackdrop(0xffc79a6b, 0xffc79a6b);
        int[] frame = Images.pixels(dev.sitter.imaging.Resizer.resize(camouflaged, 64, 64, dev.sitter.imaging.Resizer.Filter.AREA));
        boolean[] mask = FeatureExtractor.background(frame, 64, 64, 0, 0, 64, 64, FeatureExtractor.backdropSamples(frame));
        assertTrue(FeatureExtractor.centreLooksLikeBackdrop(mask));
        ImageFeatures f = FeatureExtractor.of(camouflaged);
        assertNull(f.masked(), "no masked variant when the mask would eat the face");
        double mass = 0;
        for (float v : f.unmasked().faceColour()) {
            mass += v;
        }
        assertEquals(1, mass, 1e-3, "the face histogram is not empty");
        assertEquals(0, DriftScorer.forImages(List.of(camouflaged)).score(camouflaged).score(), 1e-6);
    }
}

package dev.sitter.imaging.drift;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores how far portraits drift from a character: the reference set is the character's master
 * image followed by its anchors. For each feature the distance to the best-matching reference is
 * taken, and the score is the weighted mean of those distances, so a three-quarter render lit from
 * the left is judged against the anchors it resembles, not penalised for not being the frontal
 * master. Immutable and thread-safe.
 */
public final class DriftScorer {
    private final List<ImageFeatures> references;
    private final DriftWeights weights;
    private final DriftWeights greyWeights;
    private final boolean anyMonochromeReference;
    private final boolean allMonochromeReferences;

    /**
     * Black-and-white against colour, faithful renders sit further away on luminance structure than
     * same-style renders do in colour (the style also moves light: vignette, venetian-blind shadows,
     * hard contrast). Cross-style scores are mapped so that this raw value, the best threshold on
     * the tuning seeds, lands on 0.25, the colour mode's QA threshold: one threshold serves both.
     * Monotonic, so it changes no ranking.
     */
    static final double GREY_KNEE = 0.45;

    /** Scores with {@code weights} in colour and {@link DriftWeights#GREY} when black and white is involved. */
    public DriftScorer(List<ImageFeatures> references, DriftWeights weights) {
        this(references, weights, DriftWeights.GREY);
    }

    public DriftScorer(List<ImageFeatures> references, DriftWeights weights, DriftWeights greyWeights) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("drift needs at least one reference image: set a master image"
                    + " (master mara, asset) or give the character anchor images");
        }
        this.references = List.copyOf(references);
        this.weights = weights;
        this.greyWeights = greyWeights;
        this.anyMonochromeReference = this.references.stream().anyMatch(ImageFeatures::monochrome);
        this.allMonochromeReferences = this.references.stream().allMatch(ImageFeatures::monochrome);
    }

    /** Reference files: the master (may be null when there is none yet) then the anchors. */
    public static DriftScorer forFiles(Path master, List<Path> anchors) {
        List<ImageFeatures> refs = new ArrayList<>();
        if (master != null) {
            refs.add(FeatureExtractor.of(master));
        }
        for (Path anchor : anchors) {
            refs.add(FeatureExtractor.of(anchor));
        }
        return new DriftScorer(refs, DriftWeights.DEFAULT);
    }

    public static DriftScorer forImages(List<BufferedImage> references) {
        return new DriftScorer(references.stream().map(FeatureExtractor::of).toList(), DriftWeights.DEFAULT);
    }

    public DriftScore score(ImageFeatures image) {
        // One mode for all references, so per-feature minima compare like with like. Luminance
        // structure only when black and white meets colour (a noir render against photoreal
        // anchors); two black-and-white images still compare on the colour-mode features, whose
        // grey bins and tonal balance separate a noir series better than structure alone.
        boolean grey = image.monochrome() ? !allMonochromeReferences : anyMonochromeReference;
        DriftWeights w = grey ? greyWeights : weights;
        double nearest = Double.MAX_VALUE;
        int nearestIndex = -1;
        DriftComponents closest = null;
        for (int i = 0; i < references.size(); i++) {
            DriftComponents c = DriftComponents.between(image, references.get(i), grey);
            double s = c.combine(w);
            if (s < nearest) { // strict: ties go to the earlier reference (the master first), deterministically
                nearest = s;
                nearestIndex = i;
            }
            closest = closest == null ? c : closest.min(c);
        }
        // Each feature is matched against whichever reference it fits best: colours may match the
        // anchor lit like this image, layout the anchor posed like it. Drift shows as features that
        // fit no reference.
        double score = closest.combine(w);
        if (grey) {
            score = calibrateGrey(score);
        }
        return new DriftScore(Math.max(0, Math.min(1, score)), nearestIndex, closest);
    }

    /** Piecewise-linear map of [0, GREY_KNEE] to [0, 0.25] and [GREY_KNEE, 1] to [0.25, 1]. */
    static double calibrateGrey(double raw) {
        return raw < GREY_KNEE ? raw * 0.25 / GREY_KNEE : 0.25 + (raw - GREY_KNEE) * 0.75 / (1 - GREY_KNEE);
    }

    public DriftScore score(BufferedImage image) {
        return score(FeatureExtractor.of(image));
    }

    public DriftScore score(Path image) {
        return score(FeatureExtractor.of(image));
    }

    public DriftWeights weights() {
        return weights;
    }

    public DriftWeights greyWeights() {
        return greyWeights;
    }

    public int referenceCount() {
        return references.size();
    }
}

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

    public DriftScorer(List<ImageFeatures> references, DriftWeights weights) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("drift needs at least one reference image: set a master image"
                    + " (master mara, asset) or give the character anchor images");
        }
        this.references = List.copyOf(references);
        this.weights = weights;
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
        double nearest = Double.MAX_VALUE;
        int nearestIndex = -1;
        DriftComponents closest = null;
        for (int i = 0; i < references.size(); i++) {
            DriftComponents c = DriftComponents.between(image, references.get(i));
            double s = c.combine(weights);
            if (s < nearest) { // strict: ties go to the earlier reference (the master first), deterministically
                nearest = s;
                nearestIndex = i;
            }
            closest = closest == null ? c : closest.min(c);
        }
        // Each feature is matched against whichever reference it fits best: colours may match the
        // anchor lit like this image, layout the anchor posed like it. Drift shows as features that
        // fit no reference.
        double score = closest.combine(weights);
        return new DriftScore(Math.max(0, Math.min(1, score)), nearestIndex, closest);
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

    public int referenceCount() {
        return references.size();
    }
}

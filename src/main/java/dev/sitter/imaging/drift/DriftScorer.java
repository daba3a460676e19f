package dev.sitter.imaging.drift;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores how far portraits drift from a character: the reference set is the character's master
 * image followed by its anchors. An image's score is its weighted feature distance to the
 * <em>nearest</em> reference, so a three-quarter render is judged against the three-quarter anchor,
 * not penalised for not being frontal. Immutable and thread-safe.
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
        double best = Double.MAX_VALUE;
        int bestIndex = -1;
        DriftComponents bestComponents = null;
        for (int i = 0; i < references.size(); i++) {
            DriftComponents c = DriftComponents.between(image, references.get(i));
            double s = c.combine(weights);
            if (s < best) { // strict: ties go to the earlier reference (the master first), deterministically
                best = s;
                bestIndex = i;
                bestComponents = c;
            }
        }
        return new DriftScore(Math.max(0, Math.min(1, best)), bestIndex, bestComponents);
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

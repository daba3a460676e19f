package dev.sitter.dsl;

import dev.sitter.model.AnchorImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of {@code anchors { image 'front.png', pose: 'frontal' ... }}: a character's reference images. */
public final class AnchorsSpec extends BlockSpec {
    private static final Map<String, String> EXAMPLES = Map.of("image", "image 'anchors/mara/front.png', pose: 'frontal'");
    private final List<AnchorImage> images = new ArrayList<>();

    AnchorsSpec(SitterShell shell, String characterId) {
        super(shell, "anchors of character", characterId);
    }

    @Override Map<String, String> examples() { return EXAMPLES; }

    public void image(Map<String, Object> opts, String path) {
        Args.options(opts, List.of("pose"), "image", where());
        String pose = opts.containsKey("pose") ? Args.text(opts.get("pose"), "pose", where(), "pose: 'frontal'").strip() : null;
        images.add(shell.anchorImage(path, pose));
    }

    public void image(String path) {
        images.add(shell.anchorImage(path, null));
    }

    List<AnchorImage> images() { return images; }
}

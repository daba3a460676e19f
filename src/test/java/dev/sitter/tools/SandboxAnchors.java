package dev.sitter.tools;

import dev.sitter.leonardo.GenerationResult;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.leonardo.LeonardoEnvironment;
import dev.sitter.model.PromptSpec;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Renders the example characters' anchor images with the offline sandbox, so the examples' anchor
 * sets look like the characters they define and drift scores against them mean something. Each
 * anchor is a plain, neutral render (photoreal, studio backdrop) in its pose, at a fixed seed:
 * the same code writes the same bytes. Run once and commit the PNGs:
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.sitter.tools.SandboxAnchors dsl-examples</pre>
 * (the style swatches still come from {@link PlaceholderPortraits}).
 */
public final class SandboxAnchors {
    private static final Map<String, String> IDENTITIES = Map.of(
            "mara", "Mara Voss, 34 years old, olive skin, short black bob with a silver streak, green eyes, scar on left cheek, light freckles, confident, calm",
            "theo", "Theo Akande, 41 years old, deep brown skin, close-cropped greying hair, dark brown eyes, neatly trimmed beard, round wire glasses, warm, thoughtful",
            "ines", "Ines Calder, 27 years old, fair skin with a warm undertone, long auburn waves, blue-grey eyes, small mole above the lip, curious");
    private static final Map<String, String> POSES = Map.of(
            "front", "frontal", "three-quarter", "three-quarter view", "profile", "profile");

    private SandboxAnchors() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "dsl-examples").resolve("anchors");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ZERO).build());
             LeonardoClient client = LeonardoClient.create(LeonardoEnvironment.sandbox(sandbox.baseUrl(), null))) {
            for (Map.Entry<String, String> who : IDENTITIES.entrySet()) {
                for (Map.Entry<String, String> pose : POSES.entrySet()) {
                    Path file = root.resolve(who.getKey()).resolve(pose.getKey() + ".png");
                    if (!Files.exists(file)) continue; // only the anchors the examples use
                    PromptSpec spec = PromptSpec.builder()
                            .prompt(who.getValue() + ", photoreal, plain studio backdrop, head and shoulders, " + pose.getValue())
                            .modelId("aa77f04e-3eec-4034-9c07-d0f619684628").size(256, 384).numImages(1).seed(1000L).build();
                    GenerationResult r = client.generate(spec, ImageSource.relativeTo(root));
                    Files.write(file, r.images().get(0).bytes());
                    System.out.println("wrote " + file + " (" + r.images().get(0).bytes().length + " bytes)");
                }
            }
        }
    }
}

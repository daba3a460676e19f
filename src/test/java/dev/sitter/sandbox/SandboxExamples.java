package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Regenerates the README's example pictures through the sandbox's HTTP API:
 * {@code mvn -q -o test-compile && java -cp "target/classes:target/test-classes:$(cat cp.txt)" dev.sitter.sandbox.SandboxExamples docs/images}.
 */
public final class SandboxExamples {
    static final String MARA = "Mara Voss, olive skin, short black bob with a silver streak, green eyes, scar on left cheek, light freckles, confident";
    static final String[][] EXAMPLES = {
            {"photoreal", MARA + ", photoreal, 85mm, shallow depth of field", "PHOTOGRAPHY"},
            {"anime", MARA + ", anime, cel shading", "ANIME"},
            {"painterly", MARA + ", oil painting, painterly, warm light", "ILLUSTRATION"},
            {"noir", MARA + ", film noir, low-key lighting, photoreal", "CINEMATIC"},
    };

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        try (Sandbox s = Sandbox.start(SandboxConfig.builder().latency(Duration.ZERO).build())) {
            SandboxClient c = new SandboxClient(s);
            for (String[] e : EXAMPLES) {
                JsonNode g = generate(c, "{\"prompt\":\"" + e[1] + "\",\"presetStyle\":\"" + e[2]
                        + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":4242}");
                Files.write(out.resolve("sandbox-" + e[0] + ".png"), c.download(g.path("generated_images").path(0).path("url").asText()));
            }
            s.faults().script("POST", "/generations", Fault.DRIFT);
            JsonNode drift = generate(c, "{\"prompt\":\"" + EXAMPLES[0][1] + "\",\"presetStyle\":\"PHOTOGRAPHY\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":4242}");
            Files.write(out.resolve("sandbox-drift.png"), c.download(drift.path("generated_images").path(0).path("url").asText()));
        }
        System.out.println("wrote examples to " + out);
    }

    private static JsonNode generate(SandboxClient c, String body) throws Exception {
        String id = c.post("/generations", body).json().path("sdGenerationJob").path("generationId").asText();
        return c.awaitGeneration(id);
    }
}

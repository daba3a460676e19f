package dev.sitter.pack;

import dev.sitter.util.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user's project on disk (scripts, anchors, an include) and library-style assets with records. */
final class ExportFixture {
    final Path root;
    final Path script;
    final List<ExportAsset> assets = new ArrayList<>();

    ExportFixture(Path root, int assetCount) throws IOException {
        this.root = root;
        Path proj = Files.createDirectories(root.resolve("project"));
        Files.createDirectories(proj.resolve("anchors/mara"));
        Files.createDirectories(root.resolve("shared"));
        Files.write(proj.resolve("anchors/mara/front.png"), png("front"));
        Files.write(proj.resolve("anchors/mara/profile.png"), png("profile"));
        Files.write(root.resolve("shared/noir.png"), png("noir"));
        Files.createDirectories(proj.resolve("blocks"));
        Files.writeString(proj.resolve("blocks/noir.groovy"), """
                style('noir') {
                    model 'Leonardo Kino XL'
                    tokens 'film noir', 'low-key lighting'
                    reference '../../shared/noir.png', strength: 'High'
                }
                style('unused') { tokens 'never exported' }
                """);
        script = proj.resolve("mara.groovy");
        Files.writeString(script, """
                include 'blocks/noir.groovy'
                def mood = 'calm'   // a user's own script may use full Groovy
                character('mara') {
                    name 'Mara Voss'
                    age 34
                    hair 'short black bob'
                    affect "confident", 'calm'
                    anchors {
                        image 'anchors/mara/front.png', pose: 'frontal'
                        image 'anchors/mara/profile.png', pose: 'profile'
                    }
                }
                character('other') { name 'Someone Else' }
                camera('portrait85') { tokens '85mm' }
                template('canonical') {
                    style 'noir'
                    camera 'portrait85'
                    size 832, 1216
                }
                def shots = generate mara, template: 'canonical', seed: 4242, count: 4
                println shots
                """);
        Path lib = Files.createDirectories(root.resolve("library"));
        for (int i = 0; i < assetCount; i++) {
            byte[] original = png("asset-" + i);
            String id = Sha256.hex(original);
            byte[] embedded = png("asset-" + i + " xmp:Iptc4xmpExt:DigitalSourceType=" + ReleaseChecklist.IPTC_AI);
            Path img = Files.write(lib.resolve(id + ".png"), embedded);
            Path rec = Files.writeString(lib.resolve(id + ".json"), record(id, i), StandardCharsets.UTF_8);
            assets.add(new ExportAsset(id, "mara", img, rec));
        }
    }

    static byte[] png(String content) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    static String record(String id, int i) {
        return """
                {
                  "schema": "sitter.provenance/1",
                  "assetId": "%s",
                  "aiGenerated": true,
                  "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                  "step": "generate",
                  "request": {"surface": "V1", "modelId": "aa77f04e-3eec-4034-9c07-d0f619684628", "modelName": "Leonardo Kino XL",
                              "prompt": "Mara Voss, 34 years old, film noir", "negativePrompt": "watermark",
                              "width": 832, "height": 1216, "seed": %d, "numImages": 1,
                              "recipe": {"characterId": "mara", "templateId": "canonical"}},
                  "seedReturned": %d,
                  "cost": {"amount": 12, "unit": "credits"},
                  "backend": {"kind": "sandbox", "baseUrl": "http://127.0.0.1:1234/api/rest/v1"},
                  "tool": "sitter/dev",
                  "times": {"requestedAt": "2026-03-01T10:00:00Z", "completedAt": "2026-03-01T10:00:05Z", "recordedAt": "2026-03-01T10:00:%02dZ"}
                }
                """.formatted(id, 4242 + i, 4242 + i, i % 60);
    }

    ExportRequest request(String tos, boolean force) {
        return new ExportRequest("mara-set", "1.0.0", "Ada Author", "CC-BY-4.0", tos, null, List.of(script),
                Set.of("mara", "canonical"), List.of(), assets, Map.of("Leonardo Kino XL", "commercial use per Leonardo ToS"),
                Set.of(), Map.of(), force, null);
    }
}

package dev.sitter.sandbox;

import dev.sitter.leonardo.ApiKey;
import dev.sitter.leonardo.Backoff;
import dev.sitter.leonardo.ClientConfig;
import dev.sitter.leonardo.Estimate;
import dev.sitter.leonardo.GenerationResult;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.leonardo.Me;
import dev.sitter.leonardo.PollPolicy;
import dev.sitter.leonardo.VariationResult;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Raster;
import dev.sitter.util.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sitter's own Leonardo client against the sandbox over loopback: the two were written from the
 * spec independently, so this catches any disagreement between them.
 */
class SandboxWithClientE2ETest {
    @TempDir Path dir;
    Sandbox sandbox;
    LeonardoClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(20)).build());
        client = LeonardoClient.create(ClientConfig.builder(sandbox.baseUrl(), ApiKey.of("sandbox-key-0123456789"))
                .poll(new PollPolicy(Duration.ofMillis(10), new Backoff(Duration.ofMillis(5), Duration.ofMillis(30)), Duration.ofSeconds(60)))
                .retry(new Backoff(Duration.ofMillis(5), Duration.ofMillis(50)))
                .cacheDir(dir.resolve("cache")).build());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        sandbox.close();
    }

    @Test
    void generateWithAnchorsUpscaleAndCutOut() throws Exception {
        PromptSpec first = PromptSpec.builder().prompt("Mara Voss, olive skin, short black bob with a silver streak, green eyes, photoreal")
                .modelId("aa77f04e-3eec-4034-9c07-d0f619684628").size(512, 768).numImages(1).seed(4242L).build();
        Me before = client.refreshMe();
        GenerationResult anchor = client.generate(first, ImageSource.relativeTo(dir));
        assertEquals(1, anchor.images().size());
        assertTrue(anchor.complete());
        Raster px = ImageCodec.decode(anchor.images().get(0).bytes());
        assertEquals(512, px.width);

        Path front = dir.resolve("front.png");
        Files.write(front, anchor.images().get(0).bytes());
        PromptSpec withRef = PromptSpec.builder().prompt("Mara Voss, anime").modelId("aa77f04e-3eec-4034-9c07-d0f619684628")
                .size(512, 768).numImages(2).seed(7L)
                .references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "front.png", Sha256.file(front), null, 133, "Mid", null, "frontal")))
                .build();
        GenerationResult refd = client.generate(withRef, ImageSource.relativeTo(dir));
        assertEquals(2, refd.images().size());
        assertEquals(ImageCodec.identityOf(anchor.images().get(0).bytes()).hairLength(),
                ImageCodec.identityOf(refd.images().get(0).bytes()).hairLength());

        VariationResult up = client.upscale(refd.images().get(0).id());
        assertEquals(1024, ImageCodec.decode(up.bytes()).width);
        VariationResult cut = client.removeBackground(refd.images().get(0).id(), false);
        assertEquals(0, ImageCodec.decode(cut.bytes()).get(0, 0) >>> 24);

        Me after = client.refreshMe();
        long spent = before.apiCredits() - after.apiCredits();
        long charged = anchor.cost().value().longValue() + refd.cost().value().longValue() + CostTable.UPSCALE + CostTable.NOBG;
        assertEquals(charged, spent);
    }

    @Test
    void estimateMatchesTheChargeForAPlainSpec() {
        PromptSpec spec = PromptSpec.builder().prompt("olive skin, green eyes").modelId("aa77f04e-3eec-4034-9c07-d0f619684628")
                .sdVersion("SDXL_1_0").size(832, 1216).numImages(2).steps(30).seed(1L).build();
        Estimate est = client.estimate(spec);
        GenerationResult r = client.generate(spec, ImageSource.relativeTo(dir));
        assertEquals(est.cost(), r.cost().value().longValue());
    }

    @Test
    void estimateMatchesTheChargeWithReferencesAndTheDefaultModel() throws Exception {
        PromptSpec plain = PromptSpec.builder().prompt("red hair").size(512, 768).numImages(1).seed(3L).build();
        GenerationResult anchor = client.generate(plain, ImageSource.relativeTo(dir));
        assertEquals(client.estimate(plain).cost(), anchor.cost().value().longValue(), "default model (Lightning XL)");
        byte[] png = anchor.images().get(0).bytes();
        Files.write(dir.resolve("a.png"), png);
        Files.write(dir.resolve("b.png"), png.clone());
        String sha = Sha256.hex(png);
        PromptSpec refd = PromptSpec.builder().prompt("red hair").modelId("de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3")
                .sdVersion("PHOENIX").size(512, 768).numImages(1).seed(4L)
                .references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "a.png", sha, null, 397, "Mid", null, "frontal"),
                        new ReferenceImage(ReferenceRole.STYLE, "b.png", sha, null, 166, "High", null, null)))
                .build();
        Estimate est = client.estimate(refd);
        GenerationResult r = client.generate(refd, ImageSource.relativeTo(dir));
        assertEquals(est.cost(), r.cost().value().longValue(), "Phoenix with two references");
    }
}

package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Identity;
import dev.sitter.sandbox.render.PngEncoder;
import dev.sitter.sandbox.render.Raster;
import dev.sitter.sandbox.render.Rgb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Image guidance works on the pixels: Character and Style References, image-to-image, inpainting, v2 references, variations. */
class SandboxReferencesTest {
    static final String ANCHOR = "pale skin, long platinum blonde hair, blue eyes, glasses, photoreal";
    static final String OTHER = "olive skin, short black bob, green eyes, photoreal";
    static Sandbox sandbox;
    static SandboxClient c;
    static byte[] anchorPng;
    static String anchorImageId, anchorUploadId;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(5)).uploadTtl(Duration.ofMillis(300)).build());
        c = new SandboxClient(sandbox);
        JsonNode g = generate("{\"prompt\":\"" + ANCHOR + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":10}");
        anchorImageId = g.path("generated_images").path(0).path("id").asText();
        anchorPng = c.download(g.path("generated_images").path(0).path("url").asText());
        anchorUploadId = c.upload(anchorPng, "png");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static JsonNode generate(String body) throws Exception {
        SandboxClient.Result r = c.post("/generations", body);
        assertEquals(200, r.code(), r.text());
        JsonNode g = c.awaitGeneration(r.json().path("sdGenerationJob").path("generationId").asText());
        assertEquals("COMPLETE", g.path("status").asText());
        return g;
    }

    static byte[] first(JsonNode g) throws Exception {
        return c.download(g.path("generated_images").path(0).path("url").asText());
    }

    static String withCharacterRef(String id, String type, String strength) {
        return "{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":20,\"controlnets\":[{\"initImageId\":\""
                + id + "\",\"initImageType\":\"" + type + "\",\"preprocessorId\":133,\"strengthType\":\"" + strength + "\"}]}";
    }

    @Test
    void characterReferencePullsFeaturesTowardsTheAnchor() throws Exception {
        Identity anchor = ImageCodec.identityOf(anchorPng);
        Identity high = ImageCodec.identityOf(first(generate(withCharacterRef(anchorUploadId, "UPLOADED", "High"))));
        Identity low = ImageCodec.identityOf(first(generate(withCharacterRef(anchorUploadId, "UPLOADED", "Low"))));
        Identity none = ImageCodec.identityOf(first(generate("{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":20}")));
        assertEquals(anchor.hairLength(), high.hairLength());
        assertTrue(high.glasses());
        assertEquals(none.hairLength(), low.hairLength());
        assertTrue(dist(high.hair(), anchor.hair()) < dist(low.hair(), anchor.hair()));
        assertTrue(dist(low.hair(), anchor.hair()) < dist(none.hair(), anchor.hair()));
    }

    @Test
    void generatedImagesWorkAsReferencesAndAsInitImages() throws Exception {
        Identity viaGenerated = ImageCodec.identityOf(first(generate(withCharacterRef(anchorImageId, "GENERATED", "High"))));
        assertEquals(Identity.HairLength.LONG, viaGenerated.hairLength());
        JsonNode g = generate("{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,\"init_generation_image_id\":\""
                + anchorImageId + "\",\"init_strength\":0.9}");
        assertEquals(0.9, g.path("initStrength").asDouble(), 1e-9);
    }

    @Test
    void initStrengthKeepsTheInitImageInProportion() throws Exception {
        Raster red = new Raster(256, 384);
        Arrays.fill(red.argb, 0xffd01010);
        String redId = c.upload(PngEncoder.encode(red, Map.of()), "png");
        double strong = distanceTo(first(generate(img2img(redId, 0.9))), 0xd01010);
        double weak = distanceTo(first(generate(img2img(redId, 0.1))), 0xd01010);
        assertTrue(strong < weak / 3, "0.9 keeps more of the init image: " + strong + " vs " + weak);
    }

    @Test
    void imageToImageDependsOnTheInitPictureNotItsId() throws Exception {
        // Two uploads of the same picture get different ids; the render must not (pack replay relies on it).
        String again = c.upload(anchorPng, "png");
        assertNotEquals(anchorUploadId, again);
        byte[] a = first(generate(img2img(anchorUploadId, 0.4)));
        byte[] b = first(generate(img2img(again, 0.4)));
        assertArrayEquals(a, b, "same request on the same picture gives the same bytes");
        // a generated image as init_generation_image_id is the same picture as its upload
        byte[] viaGenerated = first(generate("{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":3,"
                + "\"init_generation_image_id\":\"" + anchorImageId + "\",\"init_strength\":0.4}"));
        assertArrayEquals(a, viaGenerated);
        // and a different picture still gives a different render
        Raster red = new Raster(256, 384);
        Arrays.fill(red.argb, 0xffd01010);
        byte[] other = first(generate(img2img(c.upload(PngEncoder.encode(red, Map.of()), "png"), 0.4)));
        assertFalse(Arrays.equals(a, other));
    }

    private static String img2img(String initId, double strength) {
        return "{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":3,\"init_image_id\":\"" + initId
                + "\",\"init_strength\":" + strength + "}";
    }

    @Test
    void styleReferencePullsThePalette() throws Exception {
        Raster blue = new Raster(64, 64);
        Arrays.fill(blue.argb, 0xff1030e0);
        String blueId = c.upload(PngEncoder.encode(blue, Map.of()), "png");
        String base = "{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":4";
        Raster plain = ImageCodec.decode(first(generate(base + "}")));
        Raster styled = ImageCodec.decode(first(generate(base + ",\"controlnets\":[{\"initImageId\":\"" + blueId
                + "\",\"initImageType\":\"UPLOADED\",\"preprocessorId\":67,\"strengthType\":\"High\"}]}")));
        assertTrue(blueShare(styled) > blueShare(plain) + 0.05, blueShare(styled) + " vs " + blueShare(plain));
    }

    @Test
    void canvasInpaintKeepsTheUnmaskedArea() throws Exception {
        JsonNode u = c.post("/canvas-init-image", "{\"initExtension\":\"png\",\"maskExtension\":\"png\"}").json().path("uploadCanvasInitImage");
        Raster mask = new Raster(256, 384);
        for (int y = 0; y < 384; y++) for (int x = 0; x < 256; x++) mask.set(x, y, x < 128 ? 0xffffffff : 0xff000000);
        assertEquals(204, c.presignedPost(u.path("initUrl").asText(), u.path("initFields").asText(), anchorPng, false));
        assertEquals(204, c.presignedPost(u.path("maskUrl").asText(), u.path("maskFields").asText(), PngEncoder.encode(mask, Map.of()), false));
        Raster out = ImageCodec.decode(first(generate("{\"prompt\":\"" + OTHER + "\",\"width\":256,\"height\":384,\"num_images\":1,"
                + "\"canvasRequest\":true,\"canvasRequestType\":\"INPAINT\",\"canvasInitId\":\"" + u.path("initImageId").asText()
                + "\",\"canvasMaskId\":\"" + u.path("maskImageId").asText() + "\",\"init_strength\":0.2,\"alchemy\":false}")));
        Raster init = ImageCodec.decode(anchorPng);
        int keptRight = 0, keptLeft = 0;
        for (int y = 0; y < 384; y++) {
            for (int x = 0; x < 256; x++) {
                if ((out.get(x, y) & 0xffffff) == (init.get(x, y) & 0xffffff)) { if (x >= 128) keptRight++; else keptLeft++; }
            }
        }
        assertEquals(128 * 384, keptRight, "black mask keeps the init image exactly");
        assertTrue(keptLeft < 128 * 384 / 2, "white mask is repainted");
    }

    @Test
    void v2ReferencesAreReadBackThroughV1() throws Exception {
        SandboxClient.Result r = c.postV2("{\"model\":\"gemini-image-2\",\"public\":false,\"parameters\":{\"prompt\":\"" + OTHER
                + "\",\"quantity\":2,\"width\":512,\"height\":768,\"seed\":5,\"guidances\":{\"image_reference\":[{\"image\":{\"id\":\""
                + anchorUploadId + "\",\"type\":\"UPLOADED\"},\"strength\":\"HIGH\"}]}}}");
        assertEquals(200, r.code(), r.text());
        String id = r.json().path("generate").path("generationId").asText();
        JsonNode g = c.awaitGeneration(id);
        assertEquals(2, g.path("generated_images").size());
        Identity got = ImageCodec.identityOf(first(g));
        assertEquals(Identity.HairLength.LONG, got.hairLength());
        SandboxClient.Result bad = c.postV2("{\"model\":\"flux-pro-2.0\",\"parameters\":{\"prompt\":\"x\",\"width\":100}}");
        assertEquals(400, bad.code());
        assertTrue(bad.json().path("error").asText().contains("parameters.width"), bad.text());
    }

    @Test
    void nobgMakesTheBackgroundTransparentAndUpscalesResize() throws Exception {
        String nobg = c.post("/variations/nobg", "{\"id\":\"" + anchorImageId + "\"}").json().path("sdNobgJob").path("id").asText();
        JsonNode v = c.awaitVariation(nobg);
        assertEquals("NOBG", v.path("transformType").asText());
        Raster cut = ImageCodec.decode(c.download(v.path("url").asText()));
        assertEquals(0, cut.get(0, 0) >>> 24);
        assertEquals(0, cut.get(255, 0) >>> 24);
        assertEquals(255, cut.get(128, 192) >>> 24);
        String up = c.post("/variations/universal-upscaler", "{\"generatedImageId\":\"" + anchorImageId + "\",\"upscaleMultiplier\":2}")
                .json().path("universalUpscaler").path("id").asText();
        Raster big = ImageCodec.decode(c.download(c.awaitVariation(up).path("url").asText()));
        assertEquals(512, big.width);
        assertEquals(768, big.height);
        assertEquals(400, c.post("/variations/upscale", "{\"id\":\"" + anchorUploadId + "\"}").code(), "uploaded images are not variation sources");
    }

    @Test
    void ultraAndItsDetailContrastShowInThePixels() throws Exception {
        Raster standard = universal("\"upscaleMultiplier\":1.5");
        Raster ultra = universal("\"upscaleMultiplier\":1.5,\"ultraUpscaleStyle\":\"REALISTIC\"");
        Raster crisp = universal("\"upscaleMultiplier\":1.5,\"ultraUpscaleStyle\":\"REALISTIC\",\"detailContrast\":9");
        assertEquals(standard.width, ultra.width);
        double s = localContrast(standard), u = localContrast(ultra), c = localContrast(crisp);
        assertTrue(s < u && u < c, "standard " + s + " < ultra " + u + " < ultra with detailContrast 9 " + c);
        assertArrayEquals(ultra.argb, universal("\"upscaleMultiplier\":1.5,\"ultraUpscaleStyle\":\"REALISTIC\"").argb,
                "the same request gives the same pixels");
    }

    private Raster universal(String params) throws Exception {
        String id = c.post("/variations/universal-upscaler", "{\"generatedImageId\":\"" + anchorImageId + "\"," + params + "}")
                .json().path("universalUpscaler").path("id").asText();
        return ImageCodec.decode(c.download(c.awaitVariation(id).path("url").asText()));
    }

    /** Mean absolute difference between horizontal neighbours' green channel. */
    private static double localContrast(Raster r) {
        long sum = 0;
        for (int y = 0; y < r.height; y++) {
            for (int x = 1; x < r.width; x++) sum += Math.abs(Rgb.g(r.get(x, y)) - Rgb.g(r.get(x - 1, y)));
        }
        return sum / (double) (r.height * (r.width - 1));
    }

    @Test
    void uploadTargetsExpireAndForgedOnesAreRefused() throws Exception {
        JsonNode u = c.post("/init-image", "{\"extension\":\"png\"}").json().path("uploadInitImage");
        String forged = u.path("fields").asText().replaceAll("\"X-Amz-Signature\":\"[0-9a-f]+\"", "\"X-Amz-Signature\":\"00\"");
        assertEquals(403, c.presignedPost(u.path("url").asText(), forged, anchorPng, false));
        Thread.sleep(400); // let the 300 ms upload window pass; the assertion is about expiry, not speed
        assertEquals(403, c.presignedPost(u.path("url").asText(), u.path("fields").asText(), anchorPng, false));
        SandboxClient.Result r = c.post("/generations", "{\"prompt\":\"x\",\"init_image_id\":\"" + u.path("id").asText() + "\"}");
        assertEquals(400, r.code());
        assertTrue(r.json().path("error").asText().contains("never uploaded"), r.text());
    }

    private static double distanceTo(byte[] png, int rgb) {
        Raster r = ImageCodec.decode(png);
        double sum = 0;
        for (int c : r.argb) sum += Math.abs(Rgb.r(c) - Rgb.r(rgb)) + Math.abs(Rgb.g(c) - Rgb.g(rgb)) + Math.abs(Rgb.b(c) - Rgb.b(rgb));
        return sum / r.argb.length;
    }

    private static double blueShare(Raster r) {
        double b = 0, all = 1;
        for (int c : r.argb) { b += Rgb.b(c); all += Rgb.r(c) + Rgb.g(c) + Rgb.b(c); }
        return b / all;
    }

    private static int dist(int a, int b) {
        return Math.abs(Rgb.r(a) - Rgb.r(b)) + Math.abs(Rgb.g(a) - Rgb.g(b)) + Math.abs(Rgb.b(a) - Rgb.b(b));
    }
}

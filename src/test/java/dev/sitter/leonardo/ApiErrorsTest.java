package dev.sitter.leonardo;

import dev.sitter.leonardo.LeonardoException.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each documented Leonardo error becomes the right kind and one sentence that says what to do. */
class ApiErrorsTest {
    static final ApiKey KEY = ApiKey.of("the-secret-key");
    static final List<String> SENT = List.of("prompt", "negative_prompt", "width", "height", "num_images", "init_image_id", "modelId");

    static LeonardoException err(int status, String body) {
        return ApiErrors.from("POST /generations", status, body, null, SENT, KEY);
    }

    @Test void badKey() {
        LeonardoException e = err(401, "{\"error\":\"Invalid response from authorization hook\",\"path\":\"$\",\"code\":\"unexpected\"}");
        assertEquals(Kind.BAD_KEY, e.kind());
        assertTrue(e.getMessage().contains("LEONARDO_API_KEY"));
        assertEquals(Kind.BAD_KEY, err(403, "{\"error\":\"Authentication hook unauthorized this request\",\"path\":\"$\",\"code\":\"access-denied\"}").kind());
    }

    @Test void outOfCredits() {
        assertEquals(Kind.OUT_OF_CREDITS, err(400, "{\"error\":\"Not enough API tokens\",\"code\":\"unexpected\"}").kind());
        assertEquals(Kind.OUT_OF_CREDITS, err(402, "{}").kind());
    }

    @Test void moderation() {
        LeonardoException e = err(403, "{\"error\":\"Your prompt appears to contain inappropriate content\"}");
        assertEquals(Kind.MODERATION, e.kind());
        assertFalse(e.isTransient());
    }

    @Test void invalidFieldsAreNamed() {
        assertEquals("width/height", err(400, "{\"error\":\"invalid dimensions\",\"path\":\"$\",\"code\":\"bad-request\"}").field());
        assertEquals("num_images", err(400, "{\"error\":\"Too many images\"}").field());
        assertEquals("prompt", err(400, "{\"error\":\"Invalid prompt, maximum length of 1500 characters exceeded.\",\"code\":\"validation-failed\"}").field());
        assertEquals("init_image_id", err(400, "{\"error\":\"Invalid init image id\",\"code\":\"bad-request\"}").field());
        assertEquals("modelId", err(400, "{\"error\":\"expected uuid for modelId\",\"code\":\"validation-failed\"}").field());
        assertEquals("seed", err(400, "{\"error\":\"bad\",\"path\":\"$.seed\",\"code\":\"validation-failed\"}").field());
        LeonardoException e = err(400, "{\"error\":\"Unexpected variable sd_Version\",\"path\":\"$\",\"code\":\"bad-request\"}");
        assertEquals(Kind.INVALID_FIELD, e.kind());
        assertEquals("sd_Version", e.field());
        assertTrue(e.getMessage().contains("field 'sd_Version'"), e.getMessage());
    }

    @Test void rateLimitsAndOutages() {
        LeonardoException rl = ApiErrors.from("POST /generations", 429, "", Duration.ofSeconds(5), SENT, KEY);
        assertEquals(Kind.RATE_LIMITED, rl.kind());
        assertEquals(Duration.ofSeconds(5), rl.retryAfter());
        assertTrue(rl.isTransient());
        LeonardoException down = err(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertEquals(Kind.SERVICE_DOWN, down.kind());
        assertTrue(down.getMessage().contains("502 Bad Gateway"), down.getMessage());
        assertFalse(down.getMessage().contains("<h1>"));
        assertEquals(Kind.NOT_FOUND, err(404, "{\"error\":\"not found\"}").kind());
    }

    @Test void unknownShapesStillGiveASentenceAndNeverTheKey() {
        LeonardoException e = err(418, "{\"weird\":[1,2,3],\"error\":{\"nested\":\"the-secret-key\"}}");
        assertEquals(Kind.UNKNOWN, e.kind());
        assertFalse(e.getMessage().contains("the-secret-key"), e.getMessage());
        assertEquals(Kind.UNKNOWN, err(409, null).kind());
    }
}

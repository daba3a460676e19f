package dev.sitter.leonardo;


/** Makes every download of the first image of a generation answer {@code code}. */
final class FlakyDownloads {
    private FlakyDownloads() {}

    static void install(FakeLeonardo fake, int code) {
        fake.prefixFaults.put("GET /cdn/", r -> r.getUrl().encodedPath().endsWith("/0.png")
                ? FakeLeonardo.json(code, "{\"error\":\"gone\"}") : null);
    }

}

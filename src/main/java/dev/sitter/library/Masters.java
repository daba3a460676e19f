package dev.sitter.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A character's master image: {@code masters/<character>.json} in the library, holding the asset id
 * ({@code {"character": "mara", "assetId": "<64 hex>", "setAt": "..."}}). Written atomically, so a
 * later session (or another machine sharing the library) sees the same master. The image itself
 * stays an ordinary library asset.
 */
public final class Masters {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Library library;

    public Masters(Library library) {
        this.library = library;
    }

    /** Makes {@code assetIdOrPrefix} (an asset in this library) the master of {@code character}; returns the full asset id. */
    public String set(String character, String assetIdOrPrefix) throws IOException {
        String assetId = library.resolve(assetIdOrPrefix);
        ObjectNode json = Json.MAPPER.createObjectNode().put("character", character).put("assetId", assetId)
                .put("setAt", Instant.now().toString());
        Path file = file(character);
        DurableFiles.ensureDir(file.getParent());
        DurableFiles.writeAtomically(file, (Json.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8));
        return assetId;
    }

    /** The master's asset id, or empty when the character has none. */
    public Optional<String> get(String character) {
        Path file = file(character);
        if (!Files.isRegularFile(file)) return Optional.empty();
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LibraryException("cannot read the master of '" + character + "' at " + file + ": " + e.getMessage()
                    + ". Fix: set it again with master " + character + ", <asset>, or delete the file.");
        }
        String id = json == null ? "" : json.path("assetId").asText("");
        if (!id.matches("[0-9a-f]{64}")) {
            throw new LibraryException(file + " names no asset (assetId '" + id + "'). Fix: set the master again with master "
                    + character + ", <asset>, or delete the file.");
        }
        return Optional.of(id);
    }

    Path file(String character) {
        if (character == null || !SAFE_ID.matcher(character).matches()) {
            throw new LibraryException("a master needs a character id of letters, digits, '.', '_' or '-' (it names the file masters/<id>.json); '"
                    + character + "' is not one.");
        }
        return library.root().resolve("masters").resolve(character + ".json");
    }
}

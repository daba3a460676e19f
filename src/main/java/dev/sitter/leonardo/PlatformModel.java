package dev.sitter.leonardo;

/** One entry of {@code GET /platformModels}. */
public record PlatformModel(String id, String name, String description, boolean nsfw, boolean featured) {}

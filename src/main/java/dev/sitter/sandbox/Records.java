package dev.sitter.sandbox;

import dev.sitter.sandbox.render.PortraitRenderer;

import java.util.ArrayList;
import java.util.List;

/** The sandbox's mutable state objects. All access goes through {@link Store}'s lock. */
final class Records {
    private Records() {}

    enum Status { PENDING, COMPLETE, FAILED }

    static final class Generation {
        final String id;
        final String createdAt;
        final GenerationRequest request;
        final long seed;
        final long cost;
        Status status = Status.PENDING;
        final List<Image> images = new ArrayList<>();
        boolean drift;
        boolean failOnPurpose;
        String failure;

        Generation(String id, String createdAt, GenerationRequest request, long seed, long cost) {
            this.id = id;
            this.createdAt = createdAt;
            this.request = request;
            this.seed = seed;
            this.cost = cost;
        }
    }

    /** A generated image: where it is served, and the render request that made it (to re-derive masks at any size). */
    static final class Image {
        final String id;
        final String generationId;
        final String key;
        final int width, height;
        final PortraitRenderer.Request render;
        final List<Variation> variations = new ArrayList<>();

        Image(String id, String generationId, String key, int width, int height, PortraitRenderer.Request render) {
            this.id = id;
            this.generationId = generationId;
            this.key = key;
            this.width = width;
            this.height = height;
            this.render = render;
        }
    }

    static final class Variation {
        final String id;
        final String createdAt;
        final String transformType;
        final String sourceId;
        final long cost;
        Status status = Status.PENDING;
        String key;
        int width, height;
        /** The generated image this variation descends from (for masks). */
        Image root;

        Variation(String id, String createdAt, String transformType, String sourceId, long cost) {
            this.id = id;
            this.createdAt = createdAt;
            this.transformType = transformType;
            this.sourceId = sourceId;
            this.cost = cost;
        }
    }

    /** An init image: created by POST /init-image, usable once its presigned upload arrived. */
    static final class InitImage {
        final String id;
        final String createdAt;
        final String extension;
        final String key;
        final long expiresAtMillis;
        final String signature;
        boolean uploaded;

        InitImage(String id, String createdAt, String extension, String key, long expiresAtMillis, String signature) {
            this.id = id;
            this.createdAt = createdAt;
            this.extension = extension;
            this.key = key;
            this.expiresAtMillis = expiresAtMillis;
            this.signature = signature;
        }
    }
}

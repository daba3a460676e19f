package dev.sitter.model;

/** Which Leonardo API surface serves a model: v1 {@code POST /generations} or v2 {@code POST /v2/generations}. */
public enum Surface { V1, V2 }

package dev.sitter.model;

/** The three image-guidance roles Leonardo offers for consistency. */
public enum ReferenceRole { CHARACTER, STYLE, CONTENT }

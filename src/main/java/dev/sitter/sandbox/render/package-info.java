/**
 * The sandbox's deterministic portrait renderer: a software rasterizer (coverage from signed distances,
 * double arithmetic, StrictMath), a SplitMix64 PRNG, a PNG writer, and the small prompt vocabulary that
 * turns identity, style and camera words into a picture. No AWT/Java2D drawing.
 */
package dev.sitter.sandbox.render;

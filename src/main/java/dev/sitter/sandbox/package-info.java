/**
 * The offline sandbox: a Leonardo-compatible HTTP server on 127.0.0.1 ({@link dev.sitter.sandbox.Sandbox}),
 * its request validation, job queue, limits, cost table, presigned uploads, CDN, fault injection and
 * inspection endpoints. It is an independent reading of Leonardo's OpenAPI spec and shares no code with
 * the client in {@code dev.sitter.leonardo}. The pictures come from {@code dev.sitter.sandbox.render}.
 * Reference: docs/sandbox.md.
 */
package dev.sitter.sandbox;

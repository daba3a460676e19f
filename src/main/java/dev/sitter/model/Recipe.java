package dev.sitter.model;

/**
 * Where a compiled request came from: the definitions behind it and the script line that asked
 * for it. None of this goes on the wire; it goes into the provenance record.
 *
 * @param characterId     the character's id, or null for a prompt with no character
 * @param identity        the compiled identity anchor string, or null
 * @param templateId      template id, or null
 * @param styleId         style id, or null
 * @param cameraId        camera id, or null
 * @param negativesId     negatives id, or null
 * @param definitionsHash SHA-256 over the canonical form of every definition used
 * @param sourceFile      the script that asked for it, or null
 * @param sourceLine      its line, or 0
 */
public record Recipe(String characterId, String identity, String templateId, String styleId, String cameraId,
                     String negativesId, String definitionsHash, String sourceFile, int sourceLine) {
    public static final Recipe NONE = new Recipe(null, null, null, null, null, null, null, null, 0);
}

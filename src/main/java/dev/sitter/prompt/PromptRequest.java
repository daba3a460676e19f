package dev.sitter.prompt;

import dev.sitter.model.CharacterDef;
import dev.sitter.model.TemplateDef;

/**
 * What a {@code prompt}/{@code generate} line asks for, before compilation.
 *
 * @param character  the character, or null for a hand-written prompt
 * @param text       hand-written prompt text used in place of a character's identity, or null
 * @param template   the template, or null (model defaults)
 * @param seed       the seed, or null for a random one chosen by the API
 * @param count      number of images, or null for the template's count / the API default
 * @param scene      extra words placed after the camera tokens (clothing, setting), or null
 * @param sourceFile the script asking, for the recipe, or null
 * @param sourceLine its line, or 0
 */
public record PromptRequest(CharacterDef character, String text, TemplateDef template, Long seed, Integer count,
                            String scene, String sourceFile, int sourceLine) {
}

package dev.sitter.util;

/** Small English helpers for messages users read. */
public final class Words {
    private Words() {}

    /** "a String", "an Integer", "an ArrayList": the article a noun (e.g. a Java type name) takes. */
    public static String a(String noun) {
        return (!noun.isEmpty() && "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}

package dev.sitter.leonardo;

/** {@code POST /prompt/improve}'s answer: the rewritten prompt and what it cost. */
public record ImprovedPrompt(String prompt, Cost cost) {}

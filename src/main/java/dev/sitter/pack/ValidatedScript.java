package dev.sitter.pack;

import org.codehaus.groovy.ast.stmt.BlockStatement;

import java.util.List;
import java.util.Set;

/**
 * A pack script that passed {@link DeclarativeValidator}: its AST (never compiled) plus what the
 * validator learned, so callers can check references against the pack before anything runs.
 *
 * @param file        the script's path inside the pack
 * @param body        the validated top-level statements
 * @param includes    pack paths named by {@code include}, in order
 * @param definedNames definition ids introduced here that later statements may name as variables
 * @param paths       every file path the script names (anchors, references, LUTs, includes)
 */
public record ValidatedScript(String file, BlockStatement body, List<String> includes,
                              Set<String> definedNames, Set<String> paths) {}

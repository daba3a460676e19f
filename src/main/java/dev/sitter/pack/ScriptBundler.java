package dev.sitter.pack;

import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.sitter.dsl.ScriptFiles;

/**
 * Turns a user's own scripts into one self-contained pack script: includes are resolved (in the
 * DSL's order: the including file's folder, then the search folders) and inlined, only definition
 * blocks are kept (those selected, plus the styles/cameras/negatives their templates name), each
 * copied verbatim from its source, and every file path in them is rewritten to the file's place
 * inside the pack. Commands ({@code generate}, {@code def}, ...) are dropped: the pack's records
 * hold the exact requests.
 */
public final class ScriptBundler {
    private static final Set<String> DEFINITIONS = Set.of("character", "style", "camera", "negatives", "template", "pipeline");

    private final List<Path> searchDirs;

    /** @param searchDirs where {@code include} looks after the including file's own folder */
    public ScriptBundler(List<Path> searchDirs) {
        this.searchDirs = searchDirs;
    }

    /** One definition block found in the user's scripts. */
    record Block(String kind, String id, String text, Set<String> uses, Map<String, Path> files) {}

    /**
     * The bundled script.
     *
     * @param text     the pack script's text
     * @param files    pack path -> source file for every anchor/reference/LUT the kept blocks name
     * @param kept     "kind id" of each kept definition, in order
     * @param dropped  one line per statement left out, for the export report
     */
    public record Bundle(String text, Map<String, Path> files, List<String> kept, List<String> dropped) {}

    /**
     * @param scripts   the user's entry scripts
     * @param selection ids to keep (any kind); empty keeps every definition
     */
    public Bundle bundle(List<Path> scripts, Set<String> selection, String header) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Path s : scripts) {
            Path entry = s.toAbsolutePath().normalize();
            collect(entry, entry.getParent(), blocks, dropped, new LinkedHashSet<>());
        }
        Set<String> keep = closure(blocks, selection);
        StringBuilder text = new StringBuilder(header);
        Map<String, Path> files = new TreeMap<>();
        List<String> kept = new ArrayList<>();
        for (Block b : blocks.values()) {
            if (!keep.contains(b.id())) continue;
            text.append(b.text()).append("\n\n");
            for (Map.Entry<String, Path> f : b.files().entrySet()) {
                Path prev = files.putIfAbsent(f.getKey(), f.getValue());
                if (prev != null && !prev.equals(f.getValue())) {
                    throw new PackException("two different files would both be '" + f.getKey() + "' in the pack (" + prev
                            + " and " + f.getValue() + "); rename one of them.");
                }
            }
            kept.add(b.kind() + " " + b.id());
        }
        return new Bundle(text.toString().stripTrailing() + "\n", files, kept, dropped);
    }

    /** @param entryDir the folder of the entry script: {@code run} looks for a pipeline's files beside it first */
    private void collect(Path file, Path entryDir, Map<String, Block> blocks, List<String> dropped, Set<Path> stack) {
        if (!stack.add(file)) throw new PackException(file + " includes itself; remove one of the include lines.");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PackException("cannot read " + file + ": " + e.getMessage());
        }
        ModuleNode module = ScriptParser.parse(file.toString(), text);
        Lines lines = new Lines(text);
        for (Statement st : module.getStatementBlock().getStatements()) {
            MethodCallExpression call = st instanceof ExpressionStatement es && es.getExpression() instanceof MethodCallExpression m
                    && m.isImplicitThis() ? m : null;
            String name = call == null ? null : call.getMethodAsString();
            String first = call == null ? null : firstString(call);
            if ("include".equals(name) && first != null) {
                collect(resolveInclude(file, first), entryDir, blocks, dropped, stack);
            } else if (name != null && DEFINITIONS.contains(name) && first != null) {
                String src = lines.slice(st.getLineNumber(), st.getColumnNumber(), st.getLastLineNumber(), st.getLastColumnNumber());
                Map<String, Path> files = new LinkedHashMap<>();
                String rewritten = rewritePaths(st, src, file, pipelineFiles(file.getParent(), entryDir), files);
                blocks.put(first, new Block(name, first, rewritten, uses(st), files));
            } else {
                dropped.add(file.getFileName() + ":" + st.getLineNumber() + ": " + DeclarativeValidator.clip(st.getText()));
            }
        }
        stack.remove(file);
    }

    /** Where {@code run} finds the masks and LUTs of a pipeline defined in definedIn: the one shared search. */
    private ScriptFiles pipelineFiles(Path definedIn, Path entryDir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(definedIn);
        dirs.add(entryDir);
        dirs.addAll(searchDirs);
        return new ScriptFiles(dirs);
    }

    private Path resolveInclude(Path from, String path) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(from.getParent());
        dirs.addAll(searchDirs);
        for (Path d : dirs) {
            if (d == null) continue;
            Path c = d.resolve(path).normalize();
            if (Files.isRegularFile(c)) return c;
        }
        throw new PackException(from + ": cannot include '" + path + "': not found in " + dirs + ".");
    }

    /** Ids a block names with a constant string argument of an inner keyword (a template's style, camera, ...). */
    private static Set<String> uses(Statement st) {
        Set<String> out = new LinkedHashSet<>();
        st.visit(new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                String n = call.getMethodAsString();
                if (("style".equals(n) || "camera".equals(n) || "negatives".equals(n)) && call.isImplicitThis()) {
                    String s = firstString(call);
                    if (s != null) out.add(s);
                }
                super.visitMethodCallExpression(call);
            }
        });
        return out;
    }

    private static Set<String> closure(Map<String, Block> blocks, Set<String> selection) {
        if (selection.isEmpty()) return blocks.keySet();
        Set<String> keep = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(selection);
        while (!todo.isEmpty()) {
            String id = todo.remove(0);
            Block b = blocks.get(id);
            if (b == null) {
                throw new PackException("nothing called '" + id + "' is defined in the scripts given (defined: "
                        + String.join(", ", blocks.keySet()) + ").");
            }
            if (keep.add(id)) todo.addAll(b.uses());
        }
        return keep;
    }

    /** A path literal in a block: where it is, and whether it is a pipeline step's file ({@code mask:}/{@code lut:}). */
    private record PathLiteral(ConstantExpression literal, String option) {}

    /**
     * Replaces every file-path literal in the block with its pack path, recording which file it is.
     * Anchors and references resolve beside the file that names them (as the DSL reads them); a
     * pipeline step's mask or LUT is found as {@code run} finds it ({@link ScriptFiles}) and ships
     * content-addressed under inputs/, like the masks an asset's record names.
     */
    private static String rewritePaths(Statement st, String src, Path file, ScriptFiles pipelineFiles, Map<String, Path> files) {
        List<PathLiteral> literals = new ArrayList<>();
        st.visit(new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                String n = call.getMethodAsString();
                if (call.isImplicitThis() && call.getArguments() instanceof TupleExpression t) {
                    for (Expression a : t.getExpressions()) {
                        if (("image".equals(n) || "reference".equals(n)) && a instanceof ConstantExpression c
                                && c.getValue() instanceof String) {
                            literals.add(new PathLiteral(c, null));
                            break;
                        }
                        String option = PIPELINE_FILES.get(n);
                        if (option != null && a instanceof MapExpression m) {
                            for (MapEntryExpression e : m.getMapEntryExpressions()) {
                                if (e.getKeyExpression().getText().equals(option) && e.getValueExpression() instanceof ConstantExpression c
                                        && c.getValue() instanceof String) {
                                    literals.add(new PathLiteral(c, option));
                                }
                            }
                        }
                    }
                }
                super.visitMethodCallExpression(call);
            }
        });
        Lines lines = new Lines(src);
        int baseLine = st.getLineNumber(), baseCol = st.getColumnNumber();
        StringBuilder out = new StringBuilder(src);
        // replace from the end so earlier offsets stay valid
        literals.sort((a, b) -> a.literal().getLineNumber() != b.literal().getLineNumber()
                ? b.literal().getLineNumber() - a.literal().getLineNumber()
                : b.literal().getColumnNumber() - a.literal().getColumnNumber());
        for (PathLiteral l : literals) {
            ConstantExpression c = l.literal();
            String original = (String) c.getValue();
            Path source;
            String packPath;
            if (l.option() == null) {
                source = file.getParent().resolve(original).normalize();
                packPath = packPathFor(original, source);
            } else {
                source = pipelineFiles.find(original);
                if (source == null || !Files.isRegularFile(source)) {
                    throw new PackException(file.getFileName() + ":" + c.getLineNumber() + ": " + l.option() + ": '" + original
                            + "' is not a file in any folder a pipeline's files are looked for (" + pipelineFiles.searched()
                            + "); fix the path, or put the file beside the script, before exporting.");
                }
                packPath = ExportAsset.inputPath(dev.sitter.util.Sha256.file(source), original);
            }
            files.put(packPath, source);
            int startLine = c.getLineNumber() - baseLine + 1;
            int startCol = c.getLineNumber() == baseLine ? c.getColumnNumber() - baseCol + 1 : c.getColumnNumber();
            int endLine = c.getLastLineNumber() - baseLine + 1;
            int endCol = c.getLastLineNumber() == baseLine ? c.getLastColumnNumber() - baseCol + 1 : c.getLastColumnNumber();
            int from = lines.offset(startLine, startCol), to = lines.offset(endLine, endCol);
            out.replace(from, to, "'" + packPath + "'");
        }
        return out.toString();
    }

    /** Pipeline steps that read a file, and the option naming it. */
    private static final Map<String, String> PIPELINE_FILES = Map.of("grade", "lut", "inpaint", "mask", "composite", "mask");

    /** The file's path inside the pack: its own relative path when that is a clean pack path, else files/NAME. */
    static String packPathFor(String original, Path source) {
        String p = original.replace('\\', '/');
        if (PackPaths.problem(p) == null) return p;
        String name = source.getFileName() == null ? "file" : source.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.startsWith(".") || name.startsWith("-")) name = "_" + name;
        return "files/" + name;
    }

    private static String firstString(MethodCallExpression call) {
        if (call.getArguments() instanceof TupleExpression t) {
            for (Expression a : t.getExpressions()) {
                if (a instanceof MapExpression) continue;
                return a instanceof ConstantExpression c && c.getValue() instanceof String s ? s : null;
            }
        }
        return null;
    }

    /** Line/column to offset arithmetic on a text, as Groovy counts them (1-based, end exclusive). */
    static final class Lines {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();

        Lines(String text) {
            this.text = text;
            starts.add(0);
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        }

        int offset(int line, int col) {
            return Math.min(text.length(), starts.get(Math.max(0, line - 1)) + Math.max(0, col - 1));
        }

        String slice(int line, int col, int lastLine, int lastCol) {
            return text.substring(offset(line, col), offset(lastLine, lastCol));
        }
    }

}

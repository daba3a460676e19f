package dev.sitter.cli;

import dev.sitter.library.DurableFiles;
import dev.sitter.library.IndexEntry;
import dev.sitter.library.Library;
import dev.sitter.library.LibraryException;
import dev.sitter.library.StylesCsv;
import dev.sitter.model.Provenance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code sitter styles import|export}: AUTOMATIC1111/InvokeAI styles.csv in and out. */
final class StylesCommand extends LibraryCommand {
    @Override public String name() { return "styles"; }

    @Override public String summary() { return "import/export AUTOMATIC1111 styles.csv"; }

    @Override public String help() {
        return "usage: sitter styles import FILE.csv [--force] [--library DIR]\n"
                + "       sitter styles export FILE.csv [FILTERS] [--library DIR]\n\n"
                + "import  turns each row (name,prompt,negative_prompt) into a DSL file\n"
                + "        <library>/blocks/imported/<name>.groovy holding style('<name>') and, if the row\n"
                + "        has a negative prompt, negatives('<name>'). Existing files are kept unless --force.\n"
                + "export  writes the prompts of recorded assets as a styles.csv that A1111 and InvokeAI load;\n"
                + "        each row is named <character>-<style>-<asset prefix>. Filters as in 'sitter ls'.\n\n"
                + LIBRARY_HELP + "\nexample: sitter styles import ~/stable-diffusion-webui/styles.csv\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        Set<String> opts = new HashSet<>(LibraryArgs.FILTERS);
        LibraryArgs a = LibraryArgs.parse(argv, opts, Set.of("--force"));
        if (a.positional().size() != 2) throw new UsageException("give 'import FILE' or 'export FILE'");
        Path file = ctx.workDir().resolve(a.positional().get(1));
        switch (a.positional().get(0)) {
            case "import" -> { return importCsv(file, a, ctx); }
            case "export" -> { return exportCsv(file, a, ctx); }
            default -> throw new UsageException("unknown action '" + a.positional().get(0) + "': use import or export");
        }
    }

    private int importCsv(Path file, LibraryArgs a, CliContext ctx) throws Exception {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LibraryException("cannot import " + file + ": no such file.");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LibraryException("cannot import " + file + ": it is not UTF-8 text; save it as UTF-8 CSV.");
        }
        StylesCsv.Import parsed = StylesCsv.readWithNotes(text, file.toString());
        parsed.notes().forEach(n -> ctx.err().println("note: " + n));
        Map<String, StylesCsv.PromptBlock> blocks = StylesCsv.byId(parsed.blocks());
        Path dir = a.library(ctx).resolve("blocks").resolve("imported");
        int written = 0, kept = 0;
        for (Map.Entry<String, StylesCsv.PromptBlock> e : blocks.entrySet()) {
            Path out = dir.resolve(e.getKey() + ".groovy");
            if (Files.exists(out) && !a.has("--force")) {
                kept++;
                ctx.err().println("kept existing " + out + " (use --force to overwrite)");
                continue;
            }
            DurableFiles.writeAtomically(out, StylesCsv.toDsl(e.getValue()).getBytes(StandardCharsets.UTF_8));
            written++;
        }
        ctx.out().println("imported " + written + " style(s) into " + dir + (kept > 0 ? ", kept " + kept + " existing" : ""));
        return ExitCodes.OK;
    }

    private int exportCsv(Path file, LibraryArgs a, CliContext ctx) throws Exception {
        Library lib = existing(a.library(ctx), ctx);
        List<StylesCsv.PromptBlock> blocks = new ArrayList<>();
        // One generation makes several assets with the same prompt: A1111 wants each prompt once.
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (IndexEntry e : lib.find(a.query())) {
            Provenance p = lib.get(e.assetId());
            if (!seen.add(java.util.Arrays.asList(p.request().prompt(), p.request().negativePrompt()))) continue;
            String name = String.join("-", nz(e.character()), nz(e.style()), e.assetId().substring(0, 8));
            blocks.add(new StylesCsv.PromptBlock(name, p.request().prompt(), p.request().negativePrompt()));
        }
        DurableFiles.writeAtomically(file, StylesCsv.write(blocks).getBytes(StandardCharsets.UTF_8));
        ctx.out().println("exported " + blocks.size() + " prompt(s) to " + file);
        return ExitCodes.OK;
    }
}

package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.library.LibraryException;
import dev.sitter.library.SecretScrubber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Base of the commands that work on the prompt library: resolves the library directory and
 * turns a {@link LibraryException} into its one-paragraph message and exit code 1.
 */
abstract class LibraryCommand implements Command {
    static final String LIBRARY_HELP =
            "  --library DIR   the prompt library (default: $SITTER_LIBRARY, else ./prompt-library)\n";

    @Override
    public final int run(List<String> args, CliContext ctx) throws Exception {
        try {
            return execute(args, ctx);
        } catch (LibraryException | dev.sitter.pack.PackException e) {
            ctx.err().println("sitter " + name() + ": " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            ctx.err().println("sitter " + name() + ": permission denied on " + e.getMessage()
                    + "; this command needs write access to the library (its lock file and records).");
            return ExitCodes.SCRIPT_ERROR;
        } catch (java.io.IOException e) {
            ctx.err().println("sitter " + name() + ": cannot read or write the library: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + ". Check the path, free space and permissions.");
            if (ctx.stacktrace()) e.printStackTrace(ctx.err());
            return ExitCodes.SCRIPT_ERROR;
        }
    }

    abstract int execute(List<String> args, CliContext ctx) throws Exception;

    /** The library, which must already hold recorded assets. */
    static Library existing(Path dir, CliContext ctx) {
        if (onlyImportedPacks(dir)) {
            throw new LibraryException(dir + " holds imported packs but no assets of your own yet: " + IMPORTED_HINT);
        }
        if (!Files.isDirectory(dir.resolve("records"))) {
            throw new LibraryException("there is no prompt library with recorded assets at " + dir
                    + "; generate something first, or point --library (or SITTER_LIBRARY) at your library.");
        }
        return Library.open(dir, java.time.Clock.systemUTC(), SecretScrubber.fromEnv(ctx.env()));
    }

    /** Where to go from a library that only holds imported packs. */
    static final String IMPORTED_HINT = "`sitter ls --imported` lists their assets, and `sitter pack replay NAME/VERSION`"
            + " regenerates a pack's assets as your own records.";

    /** A library with packs imported into it but nothing recorded of its own (no records/ folder yet). */
    static boolean onlyImportedPacks(Path root) {
        return !Files.isDirectory(root.resolve("records")) && holdsImportedPacks(root);
    }

    static boolean holdsImportedPacks(Path root) {
        try (var s = Files.newDirectoryStream(root.resolve("packs"), p -> !p.getFileName().toString().startsWith("."))) {
            return s.iterator().hasNext();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String shortId(String id) { return id.substring(0, 12); }

    static String nz(Object o) { return o == null ? "-" : o.toString(); }
}

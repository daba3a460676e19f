package dev.sitter.library;

import dev.sitter.model.PromptSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for the crash and concurrency tests: records assets in a loop the way a
 * generation run does (intent journaled first, completed after the record is durable) and
 * prints each step, flushed, so the parent knows what was durable when it killed us.
 *
 * <p>args: LIBRARY FIRST_SEED COUNT (0 = forever) CHARACTER [PROMPT_SUFFIX]
 */
public final class RecordLoopMain {
    public static void main(String[] args) throws Exception {
        Library lib = Library.open(Path.of(args[0]));
        long first = Long.parseLong(args[1]);
        long count = Long.parseLong(args[2]);
        String character = args[3];
        String suffix = args.length > 4 ? args[4] : "";
        System.out.println("ready");
        System.out.flush();
        for (long i = 0; count == 0 || i < count; i++) {
            long seed = first + i;
            PromptSpec spec = Samples.spec(character, seed);
            if (!suffix.isEmpty()) spec = spec.toBuilder().prompt(spec.prompt() + ", " + suffix).build();
            String jid = lib.journal().begin(new Journal.Intent("generate", spec, null, null));
            lib.journal().submitted(jid, "gen-" + seed);
            byte[] image = seed % 3 == 0 ? Samples.jpeg(32, 32, seed) : Samples.png(32, 32, seed);
            GenerationFacts facts = GenerationFacts.builder().generationId("gen-" + seed).imageId("img-" + seed)
                    .seedReturned(seed).cost(new java.math.BigDecimal("2"), "credits")
                    .backend("sandbox", "http://127.0.0.1:1/api/rest/v1?k=" + suffix).step("explore").build();
            RecordedAsset a = lib.record(image, spec, facts);
            System.out.println("recorded " + a.assetId());
            System.out.flush();
            lib.journal().complete(jid, List.of(a.assetId()));
            System.out.println("completed " + jid);
            System.out.flush();
        }
    }
}

package dev.sitter.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The release checklist ({@code pack check}), run by export before the archive is written and on
 * any pack file afterwards. Each item passes or fails with a reason that says what to fix:
 * <ol>
 *   <li>provenance: every asset has a complete record (id matching the image, prompt, model, seed,
 *       backend, tool, times)</li>
 *   <li>AI label: every record says {@code aiGenerated: true} and every image embeds the IPTC
 *       {@code trainedAlgorithmicMedia} digital source type</li>
 *   <li>models: every model the assets used has a licence note</li>
 *   <li>likeness: no character flagged as a real person lacks a consent note</li>
 *   <li>terms of service: a review date is recorded and is not after the pack's creation</li>
 *   <li>cost: every asset's cost is recorded, so the summary is complete</li>
 *   <li>scripts: every script is declarative, so others can import it without --trust</li>
 *   <li>secrets: no file contains the API key</li>
 * </ol>
 */
public final class ReleaseChecklist {
    static final String IPTC_AI = "trainedAlgorithmicMedia";
    static final String IPTC_AI_COMPOSITE = "compositeWithTrainedAlgorithmicMedia";

    private ReleaseChecklist() {}

    /**
     * Everything the checklist looks at: the manifest, and the pack's files (pack.json excluded)
     * by path, read on demand so a pack of many images is never all in memory.
     */
    public record Content(PackManifest manifest, FileSource files, String apiKey) {}

    /** Reads one pack file's bytes by path; null when there is no such file. */
    public interface FileSource {
        byte[] read(String path);

        java.util.Collection<String> paths();

        static FileSource of(Map<String, byte[]> map) {
            return new FileSource() {
                @Override public byte[] read(String path) { return map.get(path); }
                @Override public java.util.Collection<String> paths() { return map.keySet(); }
            };
        }
    }

    public static PackManifest.Checklist run(Content c, boolean forced) {
        PackManifest m = c.manifest();
        List<PackManifest.CheckItem> items = new ArrayList<>();
        items.add(provenance(m, c.files()));
        items.add(aiLabel(m, c.files()));
        items.add(models(m, c.files()));
        items.add(likeness(m));
        items.add(terms(m));
        items.add(cost(m, c.files()));
        items.add(scripts(m, c.files()));
        items.add(secrets(c));
        boolean passed = items.stream().allMatch(PackManifest.CheckItem::passed);
        return new PackManifest.Checklist(passed, forced && !passed, items);
    }

    /** The result as text, one line per item. */
    public static String render(PackManifest.Checklist list) {
        StringBuilder b = new StringBuilder();
        for (PackManifest.CheckItem i : list.items()) {
            b.append(i.passed() ? "  ok    " : "  FAIL  ").append(i.item());
            if (i.detail() != null) b.append(": ").append(i.detail());
            b.append('\n');
        }
        b.append(list.passed() ? "release checklist passed\n"
                : list.forced() ? "release checklist FAILED (exported anyway with --force)\n" : "release checklist FAILED\n");
        return b.toString();
    }

    static JsonNode record(PackManifest.Asset a, FileSource files) {
        byte[] b = files.read(a.record());
        if (b == null) return null;
        try {
            return Json.MAPPER.readTree(b);
        } catch (Exception e) {
            return null;
        }
    }

    private static PackManifest.CheckItem provenance(PackManifest m, FileSource files) {
        List<String> bad = new ArrayList<>();
        for (PackManifest.Asset a : m.assets()) {
            JsonNode r = record(a, files);
            if (r == null) {
                bad.add(a.id().substring(0, 8) + " has no readable record");
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!a.id().equals(text(r, "assetId"))) missing.add("assetId");
            JsonNode req = r.path("request");
            if (text(req, "prompt") == null) missing.add("request.prompt");
            if (text(req, "modelId") == null && text(req, "modelName") == null) missing.add("request.modelId");
            if (req.path("seed").isMissingNode() || req.path("seed").isNull()) {
                if (r.path("seedReturned").isNull() || r.path("seedReturned").isMissingNode()) missing.add("seed");
            }
            if (text(r.path("backend"), "kind") == null) missing.add("backend");
            if (text(r, "tool") == null) missing.add("tool");
            if (text(r.path("times"), "recordedAt") == null) missing.add("times.recordedAt");
            if (!missing.isEmpty()) bad.add(a.id().substring(0, 8) + " lacks " + String.join(", ", missing));
        }
        if (m.assets().isEmpty()) return item("provenance records complete", true, "no assets in this pack");
        return item("provenance records complete", bad.isEmpty(), bad.isEmpty() ? count(m.assets().size(), "record") : summary(bad));
    }

    private static PackManifest.CheckItem aiLabel(PackManifest m, FileSource files) {
        List<String> bad = new ArrayList<>();
        byte[] needle = IPTC_AI.getBytes(StandardCharsets.US_ASCII);
        // an inpaint is labelled compositeWithTrainedAlgorithmicMedia (capital T): AI-generated too
        byte[] composite = IPTC_AI_COMPOSITE.getBytes(StandardCharsets.US_ASCII);
        for (PackManifest.Asset a : m.assets()) {
            JsonNode r = record(a, files);
            if (r == null || !r.path("aiGenerated").asBoolean(false)) bad.add(a.id().substring(0, 8) + ": record lacks aiGenerated: true");
            byte[] img = files.read(a.image());
            if (img == null || (indexOf(img, needle) < 0 && indexOf(img, composite) < 0)) bad.add(a.id().substring(0, 8) + ": image has no embedded IPTC " + IPTC_AI + " label");
        }
        return item("AI-generated label in every record and image", bad.isEmpty(),
                bad.isEmpty() ? null : summary(bad) + "; export the library's metadata-carrying copies");
    }

    /** Models named by the records, as "id|name" keys the manifest's models list must cover. */
    static Set<String> modelsUsed(PackManifest m, FileSource files) {
        Set<String> used = new LinkedHashSet<>();
        for (PackManifest.Asset a : m.assets()) {
            JsonNode r = record(a, files);
            if (r == null) continue;
            String id = text(r.path("request"), "modelId"), name = text(r.path("request"), "modelName");
            if (id != null || name != null) used.add((id == null ? "" : id) + "|" + (name == null ? "" : name));
        }
        return used;
    }

    private static PackManifest.CheckItem models(PackManifest m, FileSource files) {
        List<String> bad = new ArrayList<>();
        for (String key : modelsUsed(m, files)) {
            String id = key.substring(0, key.indexOf('|')), name = key.substring(key.indexOf('|') + 1);
            boolean noted = m.models().stream().anyMatch(x -> x.licenseNote() != null && !x.licenseNote().isBlank()
                    && ((!id.isEmpty() && id.equals(x.id())) || (!name.isEmpty() && name.equals(x.name()))));
            if (!noted) bad.add(name.isEmpty() ? id : name);
        }
        return item("models recorded with licence notes", bad.isEmpty(),
                bad.isEmpty() ? count(m.models().size(), "model") : "no licence note for " + String.join(", ", bad)
                        + "; add --model-note 'NAME=note'");
    }

    private static PackManifest.CheckItem likeness(PackManifest m) {
        List<String> bad = new ArrayList<>();
        for (PackManifest.CharacterNote c : m.characters()) {
            if (c.realPerson() && (c.consent() == null || c.consent().isBlank())) bad.add(c.id());
        }
        return item("no real person's likeness without consent", bad.isEmpty(),
                bad.isEmpty() ? null : String.join(", ", bad) + " flagged as a real person with no consent note; add --consent ID='...'");
    }

    private static PackManifest.CheckItem terms(PackManifest m) {
        String d = m.tosReviewed();
        if (d == null || d.isBlank()) {
            return item("terms-of-service review date recorded", false, "none; add --tos-reviewed YYYY-MM-DD");
        }
        try {
            LocalDate date = LocalDate.parse(d);
            LocalDate created = m.created() == null ? null : OffsetDateTime.parse(m.created()).toLocalDate();
            if (created != null && date.isAfter(created)) {
                return item("terms-of-service review date recorded", false, d + " is after the pack's creation date " + created);
            }
            return item("terms-of-service review date recorded", true, d);
        } catch (DateTimeParseException e) {
            return item("terms-of-service review date recorded", false, "'" + d + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static PackManifest.CheckItem cost(PackManifest m, FileSource files) {
        PackManifest.CostSummary s = m.cost();
        if (s == null) return item("cost summary included", false, "none");
        boolean ok = s.unknown() == 0;
        return item("cost summary included", ok, describe(s) + (ok ? "" : "; " + s.unknown() + " assets have no cost recorded"));
    }

    static String describe(PackManifest.CostSummary s) {
        if (s.totals().isEmpty()) return s.assets() + " assets, no cost recorded";
        List<String> parts = new ArrayList<>();
        new TreeMap<>(s.totals()).forEach((unit, amount) -> parts.add(amount.toPlainString() + " " + unit));
        return s.assets() + " assets, " + String.join(" + ", parts);
    }

    private static PackManifest.CheckItem scripts(PackManifest m, FileSource files) {
        Set<String> paths = new LinkedHashSet<>(files.paths());
        try {
            new PackScripts(DeclarativeGrammar.sitter(), p -> {
                byte[] b = files.read(p);
                return b == null ? "" : new String(b, StandardCharsets.UTF_8);
            }, paths).validate(m.scripts());
            return item("scripts are declarative (importable without --trust)", true, count(m.scripts().size(), "script"));
        } catch (ScriptRefusedException e) {
            return item("scripts are declarative (importable without --trust)", false, e.violations().get(0).toString());
        }
    }

    private static PackManifest.CheckItem secrets(Content c) {
        String key = c.apiKey();
        if (key == null || key.length() < 8) return item("no API key in any file", true, null);
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        for (String p : c.files().paths()) {
            byte[] b = c.files().read(p);
            if (b != null && indexOf(b, needle) >= 0) hits.add(p);
        }
        if (indexOf(c.manifest().toBytes(), needle) >= 0) hits.add(PackManifest.FILE);
        return item("no API key in any file", hits.isEmpty(), hits.isEmpty() ? null : "the key appears in " + String.join(", ", hits));
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static PackManifest.CheckItem item(String name, boolean passed, String detail) {
        return new PackManifest.CheckItem(name, passed, detail);
    }

    private static String summary(List<String> bad) {
        return String.join("; ", bad.subList(0, Math.min(5, bad.size()))) + (bad.size() > 5 ? "; and " + (bad.size() - 5) + " more" : "");
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

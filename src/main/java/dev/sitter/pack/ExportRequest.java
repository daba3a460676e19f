package dev.sitter.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code pack export} puts in a pack and says about it.
 *
 * @param name         pack name ([A-Za-z0-9._-])
 * @param version      pack version
 * @param author       who made it
 * @param license      the licence it is offered under
 * @param tosReviewed  when the author last reviewed the image service's terms (YYYY-MM-DD), or null
 * @param created      ISO-8601 creation instant, or null to derive it from the assets (deterministic)
 * @param scripts      the user's scripts whose definitions go in
 * @param definitions  ids to include (their dependencies come along); empty for all
 * @param includeDirs  where includes are searched after the including file's folder
 * @param assets       the chosen assets
 * @param modelNotes   licence note per model name or id
 * @param realPersons  characters that depict a real person
 * @param consent      consent note per character id
 * @param force        write the pack even if the release checklist fails
 * @param apiKey       the API key to make sure no file contains (never written anywhere), or null
 */
public record ExportRequest(String name, String version, String author, String license, String tosReviewed,
                            String created, List<Path> scripts, Set<String> definitions, List<Path> includeDirs,
                            List<ExportAsset> assets, Map<String, String> modelNotes, Set<String> realPersons,
                            Map<String, String> consent, boolean force, String apiKey) {
    public ExportRequest {
        scripts = List.copyOf(scripts);
        definitions = Set.copyOf(definitions);
        includeDirs = List.copyOf(includeDirs);
        assets = List.copyOf(assets);
        modelNotes = Map.copyOf(modelNotes);
        realPersons = Set.copyOf(realPersons);
        consent = Map.copyOf(consent);
    }

    @Override
    public String toString() {
        // never print the key
        return "ExportRequest[" + name + " " + version + ", " + scripts.size() + " scripts, " + assets.size() + " assets]";
    }
}

package dev.sitter.pack;

import java.util.List;

/**
 * The README.md shipped in every pack: what it is, who made it, its terms, its characters, a
 * contact sheet (a grid of every asset, linked to its record), the cost and the checklist. Plain
 * Markdown, so it renders anywhere and diffs well.
 */
final class Readme {
    private static final int COLUMNS = 4;

    private Readme() {}

    static String render(PackManifest m, PackManifest.Checklist checklist, ScriptBundler.Bundle bundle, String sheet) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(m.name()).append(' ').append(m.version()).append("\n\n");
        b.append("A Sitter character pack by ").append(md(m.author())).append(", offered under ").append(md(m.license()))
                .append(". Created ").append(m.created()).append(" with Sitter ").append(m.sitterVersion()).append(".\n\n");
        b.append("All images in this pack are AI-generated; each carries its provenance record (records/) and an embedded"
                + " IPTC `trainedAlgorithmicMedia` label.\n\n");
        b.append("## Use it\n\n```sh\nsitter pack import ").append(m.name()).append("-").append(m.version()).append(".zip\n")
                .append("sitter pack replay ").append(m.name()).append("-").append(m.version()).append(".zip\n```\n\n");
        b.append("Import checks every file against `pack.json` and runs nothing; the script `").append(m.scripts().get(0))
                .append("` holds only declarative definitions.\n\n");
        b.append("## Contents\n\n");
        if (!bundle.kept().isEmpty()) b.append("Definitions: ").append(String.join(", ", bundle.kept())).append(".\n\n");
        for (PackManifest.CharacterNote c : m.characters()) {
            b.append("- character `").append(c.id()).append("`: ")
                    .append(c.realPerson() ? "depicts a real person; consent: " + md(c.consent()) : "fictional").append('\n');
        }
        if (!m.models().isEmpty()) {
            b.append("\nModels:\n\n");
            for (PackManifest.Model x : m.models()) {
                b.append("- ").append(md(x.name() != null ? x.name() : x.id())).append(x.id() != null && x.name() != null ? " (`" + x.id() + "`)" : "")
                        .append(": ").append(md(x.licenseNote() == null ? "no licence note" : x.licenseNote())).append('\n');
            }
        }
        b.append("\nTerms of service last reviewed: ").append(m.tosReviewed() == null ? "not recorded" : m.tosReviewed()).append(".\n\n");
        b.append("Cost to make: ").append(m.cost() == null ? "not recorded" : ReleaseChecklist.describe(m.cost())).append(".\n\n");
        contactSheet(b, m.assets(), sheet);
        b.append("## Release checklist\n\n```\n").append(ReleaseChecklist.render(checklist)).append("```\n");
        return b.toString();
    }

    private static void contactSheet(StringBuilder b, List<PackManifest.Asset> assets, String sheet) {
        b.append("## Contact sheet\n\n");
        if (sheet != null) b.append(sheet).append("\n\n");
        if (assets.isEmpty()) {
            b.append("No images in this pack.\n\n");
            return;
        }
        b.append("|").append(" |".repeat(COLUMNS)).append("\n|").append("---|".repeat(COLUMNS)).append('\n');
        for (int i = 0; i < assets.size(); i += COLUMNS) {
            b.append('|');
            for (int j = i; j < i + COLUMNS; j++) {
                if (j < assets.size()) {
                    PackManifest.Asset a = assets.get(j);
                    String shortId = a.id().substring(0, 10);
                    b.append(" [![").append(shortId).append("](").append(a.image()).append(")](").append(a.record()).append(")<br>`")
                            .append(shortId).append('`').append(a.character() == null ? "" : " " + a.character()).append(" |");
                } else {
                    b.append("  |");
                }
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static String md(String s) {
        return s == null ? "unknown" : s.replaceAll("[\\r\\n]+", " ").replace("|", "\\|").replace("<", "&lt;");
    }
}

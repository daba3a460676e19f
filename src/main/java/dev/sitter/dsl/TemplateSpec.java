package dev.sitter.dsl;

import dev.sitter.model.CameraDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code template('canonical') { ... }}: which style, camera and negatives to use, and
 * the request settings. Style, camera and negatives are looked up when a prompt is compiled, so
 * they may be defined before or after the template.
 */
public final class TemplateSpec extends BlockSpec {
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("style", "style 'noir'"), Map.entry("camera", "camera 'portrait85'"),
            Map.entry("negatives", "negatives 'hard'"), Map.entry("size", "size 832, 1216"),
            Map.entry("steps", "steps 30"), Map.entry("guidance", "guidance 7"), Map.entry("count", "count 4"),
            Map.entry("alchemy", "alchemy true"), Map.entry("poses", "poses 'frontal', 'three-quarter'"),
            Map.entry("extra", "extra contrast: 3.5, styleUUID: '111dc692-d470-4eec-b791-3475abac4c46'"));
    private static final Pattern WXH = Pattern.compile("\\s*(\\d+)\\s*[xX\u00d7]\\s*(\\d+)\\s*");
    /** No Leonardo model takes a side larger than this (Nano Banana Pro's maximum). */
    private static final int LARGEST_SIDE = 5504;

    private String style, camera, negatives;
    private Integer width, height, steps, count;
    private Double guidance;
    private Boolean alchemy;
    private final List<String> poses = new ArrayList<>();
    private final TreeMap<String, Object> extra = new TreeMap<>();
    private CallSite sizeSite = CallSite.NONE;

    TemplateSpec(SitterShell shell, String id) {
        super(shell, "template", id);
    }

    @Override Map<String, String> examples() { return EXAMPLES; }

    public void style(Object v) { style = v instanceof StyleDef d ? d.id() : Args.text(v, "style", where(), "style 'noir'"); }

    public void camera(Object v) { camera = v instanceof CameraDef d ? d.id() : Args.text(v, "camera", where(), "camera 'portrait85'"); }

    public void negatives(Object v) {
        negatives = v instanceof NegativesDef d ? d.id() : Args.text(v, "negatives", where(), "negatives 'hard'");
    }

    public void size(Object w, Object h) {
        sizeSite = shell.callSite();
        width = side(Args.integer(w, "size", where(), EXAMPLES.get("size")), "width");
        height = side(Args.integer(h, "size", where(), EXAMPLES.get("size")), "height");
    }

    /** {@code size '832x1216'}. */
    public void size(String wxh) {
        Matcher m = WXH.matcher(wxh);
        if (!m.matches()) {
            throw new DslException("`size`" + where() + " takes WIDTHxHEIGHT like '832x1216' or two numbers like size 832, 1216; got '"
                    + wxh + "'").token("size");
        }
        sizeSite = shell.callSite();
        width = side(Integer.parseInt(m.group(1)), "width");
        height = side(Integer.parseInt(m.group(2)), "height");
    }

    private int side(int v, String which) {
        if (v < 1 || v > LARGEST_SIDE) {
            throw new DslException("invalid size" + where() + ": " + which + " " + v + " is not a usable image side; most models take 32 to 1536 pixels, a multiple of 8 (e.g. size 832, 1216)")
                    .token("size");
        }
        return v;
    }

    public void steps(Object v) { steps = Args.integer(v, "steps", where(), "steps 30"); }

    public void guidance(Object v) { guidance = Args.number(v, "guidance", where(), "guidance 7"); }

    public void count(Object v) { count = Args.integer(v, "count", where(), "count 4"); }

    public void alchemy(Object v) { alchemy = Args.bool(v, "alchemy", where(), "alchemy true"); }

    public void poses(Object... v) { poses.addAll(Args.texts(v, "poses", where(), EXAMPLES.get("poses"))); }

    /** Pass-through API fields, sent as written: {@code extra contrast: 3.5, styleUUID: '...'}. */
    public void extra(Map<String, Object> fields) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            extra.put(e.getKey(), Args.json(e.getValue(), "extra", where()));
        }
    }

    /** Where {@code size} was written, so a size the model refuses can be traced to that line. */
    CallSite sizeSite() { return sizeSite; }

    TemplateDef build() {
        return new TemplateDef(id, style, camera, negatives, width, height, steps, guidance, count, alchemy, poses, extra);
    }
}

package dev.sitter.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A prompt template: which style, camera and negatives to use and the request settings.
 * Every field may be null, meaning "not set": the API's default applies.
 *
 * @param id        the id the script gave it
 * @param style     style id, or null
 * @param camera    camera id, or null
 * @param negatives negatives id, or null
 * @param width     image width in pixels, or null
 * @param height    image height in pixels, or null
 * @param steps     num_inference_steps, or null
 * @param guidance  guidance_scale, or null
 * @param count     default number of images per request, or null
 * @param alchemy   Leonardo Alchemy on/off, or null
 * @param poses     if non-empty, only the character's anchor images with these pose labels are sent
 * @param extra     pass-through API fields sent as written (e.g. styleUUID, contrast), sorted by name
 */
public record TemplateDef(String id, String style, String camera, String negatives, Integer width, Integer height,
                          Integer steps, Double guidance, Integer count, Boolean alchemy,
                          List<String> poses, SortedMap<String, Object> extra) {
    public TemplateDef {
        poses = poses == null ? List.of() : List.copyOf(poses);
        extra = extra == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(extra));
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("template '" + id + "':");
        if (style != null) sb.append(" style ").append(style);
        if (camera != null) sb.append(", camera ").append(camera);
        if (negatives != null) sb.append(", negatives ").append(negatives);
        if (width != null) sb.append(", ").append(width).append('x').append(height);
        if (steps != null) sb.append(", ").append(steps).append(" steps");
        if (guidance != null) sb.append(", guidance ").append(guidance);
        if (!poses.isEmpty()) sb.append(", poses ").append(String.join(", ", poses));
        if (!extra.isEmpty()) sb.append(", extra ").append(extra);
        return sb.toString();
    }
}

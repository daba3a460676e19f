package dev.sitter.repl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The console's view of a generated image: what the asset table shows. It is read from whatever the
 * engine returns (the library's asset record, a list of them, a generation result) by accessor name
 * ({@code id()}/{@code getId()}, {@code seed}, {@code width}, {@code height}, {@code cost},
 * {@code path}) so the console does not pin the library's classes and keeps working as they grow.
 *
 * @param cost credits, or null when unknown
 * @param path the image file, or null when not on disk (yet)
 */
record AssetView(String id, Long seed, Integer width, Integer height, Double cost, Path path, Object source) {
    /** Ids are content hashes; a table shows this many characters, and /show takes any unique prefix. */
    static final int SHORT_ID = 12;

    String shortId() { return id.length() > SHORT_ID ? id.substring(0, SHORT_ID) : id; }


    /** All assets in a result: the value itself, or the elements of a collection, array or a result's {@code assets()}. */
    static List<AssetView> in(Object value) {
        List<AssetView> out = new ArrayList<>();
        collect(value, out, 0);
        return out;
    }

    private static void collect(Object value, List<AssetView> out, int depth) {
        if (value == null || depth > 3 || value instanceof CharSequence || value instanceof Number
                || value instanceof Map<?, ?>) return;
        if (value instanceof Collection<?> c) {
            for (Object o : c) collect(o, out, depth + 1);
            return;
        }
        if (value instanceof Object[] arr) {
            for (Object o : arr) collect(o, out, depth + 1);
            return;
        }
        AssetView one = of(value);
        if (one != null) {
            out.add(one);
            return;
        }
        Object nested = property(value, "assets");
        if (nested == null) nested = property(value, "images");
        if (nested == null) nested = property(value, "items"); // a pipeline run's final images
        if (nested != null) collect(nested, out, depth + 1);
    }

    /** The asset view of one object, or null when it has no id and path (or seed). */
    static AssetView of(Object o) {
        if (o instanceof dev.sitter.studio.Asset a) return ofStudio(a);
        Object id = property(o, "id");
        Object path = property(o, "path");
        if (path == null) path = property(o, "file");
        Object seed = property(o, "seed");
        if (id == null || (path == null && seed == null)) return null;
        Integer w = integer(property(o, "width"));
        Integer h = integer(property(o, "height"));
        Object cost = property(o, "cost");
        if (cost == null) cost = property(o, "credits");
        return new AssetView(String.valueOf(id), seed instanceof Number n ? n.longValue() : null, w, h,
                cost instanceof Number n ? n.doubleValue() : null, toPath(path), o);
    }

    /** The recorded asset the Studio returns: size and cost come from its provenance record. */
    private static AssetView ofStudio(dev.sitter.studio.Asset a) {
        Integer w = null, h = null;
        Double cost = null;
        try {
            var f = a.provenance().files().original();
            w = f.width();
            h = f.height();
        } catch (RuntimeException e) {
            // a record without file details still shows its id, seed and path
        }
        try {
            var c = a.provenance().cost();
            if (c != null && c.amount() != null) cost = c.amount().doubleValue();
        } catch (RuntimeException e) {
            // cost unknown
        }
        return new AssetView(a.id(), a.seed(), w, h, cost, a.path(), a);
    }

    String size() { return width == null || height == null ? "" : width + "x" + height; }

    private static Integer integer(Object o) { return o instanceof Number n ? n.intValue() : null; }

    private static Path toPath(Object p) {
        if (p instanceof Path path) return path;
        if (p instanceof java.io.File f) return f.toPath();
        if (p instanceof CharSequence s && !s.isEmpty()) return Path.of(s.toString());
        return null;
    }

    /** A public no-argument accessor {@code name()} or {@code getName()}; never calls anything else. */
    static Object property(Object o, String name) {
        for (String m : List.of(name, "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1))) {
            try {
                Method method = o.getClass().getMethod(m);
                if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) method.setAccessible(true);
                if (method.getReturnType() == void.class) continue;
                return method.invoke(o);
            } catch (NoSuchMethodException e) {
                // try the next spelling
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}

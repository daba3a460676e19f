package dev.sitter.sandbox.render;

/** An axis-aligned box in pixel coordinates, used only to limit which pixels a shape visits. */
public record Bounds(double x0, double y0, double x1, double y1) {
    public Bounds union(Bounds o) {
        return new Bounds(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
    }

    public Bounds intersect(Bounds o) {
        return new Bounds(Math.max(x0, o.x0), Math.max(y0, o.y0), Math.min(x1, o.x1), Math.min(y1, o.y1));
    }

    public static Bounds around(double cx, double cy, double r) {
        return new Bounds(cx - r, cy - r, cx + r, cy + r);
    }
}

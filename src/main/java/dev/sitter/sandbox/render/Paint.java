package dev.sitter.sandbox.render;

/** A colour as a function of position: flat fills, gradients, shaded surfaces. */
@FunctionalInterface
public interface Paint {
    int rgb(double x, double y);

    static Paint flat(int rgb) {
        return (x, y) -> rgb;
    }

    /** Linear gradient from colour {@code a} at (x0,y0) to {@code b} at (x1,y1). */
    static Paint linear(double x0, double y0, int a, double x1, double y1, int b) {
        double dx = x1 - x0, dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        return (x, y) -> Rgb.mix(a, b, len2 == 0 ? 0 : ((x - x0) * dx + (y - y0) * dy) / len2);
    }

    /** Radial gradient: {@code inner} at the centre to {@code outer} at radius r. */
    static Paint radial(double cx, double cy, double r, int inner, int outer) {
        return (x, y) -> Rgb.mix(inner, outer, Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / r);
    }
}

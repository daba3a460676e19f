package dev.sitter.sandbox.render;

/**
 * A filled region described by its coverage of a sample point: 1 inside, 0 outside, a ramp one
 * pixel wide across the edge (computed from an approximate signed distance). Shapes combine with
 * {@link #and}, {@link #or} and {@link #minus}.
 */
public interface Shape {
    double coverage(double x, double y);

    Bounds bounds();

    /** Coverage from a signed distance in pixels (negative inside). */
    static double fromDistance(double d) {
        double c = 0.5 - d;
        return c <= 0 ? 0 : (c >= 1 ? 1 : c);
    }

    default Shape and(Shape other) {
        Shape self = this;
        return new Shape() {
            public double coverage(double x, double y) {
                double a = self.coverage(x, y);
                return a <= 0 ? 0 : Math.min(a, other.coverage(x, y));
            }
            public Bounds bounds() { return self.bounds().intersect(other.bounds()); }
        };
    }

    default Shape or(Shape other) {
        Shape self = this;
        return new Shape() {
            public double coverage(double x, double y) { return Math.max(self.coverage(x, y), other.coverage(x, y)); }
            public Bounds bounds() { return self.bounds().union(other.bounds()); }
        };
    }

    default Shape minus(Shape other) {
        Shape self = this;
        return new Shape() {
            public double coverage(double x, double y) {
                double a = self.coverage(x, y);
                return a <= 0 ? 0 : Math.min(a, 1 - other.coverage(x, y));
            }
            public Bounds bounds() { return self.bounds(); }
        };
    }

    /** This shape rotated by {@code angle} radians around (px, py). */
    default Shape rotated(double px, double py, double angle) {
        if (angle == 0) return this;
        Shape self = this;
        double c = StrictMath.cos(angle), s = StrictMath.sin(angle);
        // the bounding box of the rotated corners: tight, so a small feature far from the pivot stays cheap
        Bounds b = self.bounds();
        double[] xs = {b.x0(), b.x1(), b.x1(), b.x0()}, ys = {b.y0(), b.y0(), b.y1(), b.y1()};
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double dx = xs[i] - px, dy = ys[i] - py;
            double rx = px + dx * c - dy * s, ry = py + dx * s + dy * c;
            minX = Math.min(minX, rx); maxX = Math.max(maxX, rx);
            minY = Math.min(minY, ry); maxY = Math.max(maxY, ry);
        }
        Bounds rb = new Bounds(minX, minY, maxX, maxY);
        return new Shape() {
            public double coverage(double x, double y) {
                double dx = x - px, dy = y - py;
                // inverse rotation of the sample point into the shape's frame
                return self.coverage(px + dx * c + dy * s, py - dx * s + dy * c);
            }
            public Bounds bounds() { return rb; }
        };
    }

    /** This shape moved by (dx, dy). */
    default Shape translated(double dx, double dy) {
        Shape self = this;
        Bounds b = self.bounds();
        Bounds tb = new Bounds(b.x0() + dx, b.y0() + dy, b.x1() + dx, b.y1() + dy);
        return new Shape() {
            public double coverage(double x, double y) { return self.coverage(x - dx, y - dy); }
            public Bounds bounds() { return tb; }
        };
    }

    static Shape ellipse(double cx, double cy, double rx, double ry) {
        return new Shape() {
            public double coverage(double x, double y) {
                double nx = (x - cx) / rx, ny = (y - cy) / ry;
                double f = nx * nx + ny * ny - 1;
                double gx = 2 * nx / rx, gy = 2 * ny / ry;
                double g = Math.sqrt(gx * gx + gy * gy);
                if (g < 1e-9) return f < 0 ? 1 : 0;
                return fromDistance(f / g);
            }
            public Bounds bounds() { return new Bounds(cx - rx, cy - ry, cx + rx, cy + ry); }
        };
    }

    /** An egg: an ellipse whose lower half narrows towards {@code jaw} x rx at the bottom (a head with a chin). */
    static Shape egg(double cx, double cy, double rx, double ry, double jaw) {
        return new Shape() {
            public double coverage(double x, double y) {
                double t = y > cy ? Math.min(1, (y - cy) / ry) : 0;
                double rxe = rx * (1 - (1 - jaw) * t * t);
                double nx = (x - cx) / rxe, ny = (y - cy) / ry;
                double f = nx * nx + ny * ny - 1;
                double gx = 2 * nx / rxe, gy = 2 * ny / ry;
                double g = Math.sqrt(gx * gx + gy * gy);
                if (g < 1e-9) return f < 0 ? 1 : 0;
                return fromDistance(f / g);
            }
            public Bounds bounds() { return new Bounds(cx - rx, cy - ry, cx + rx, cy + ry); }
        };
    }

    /** A convex polygon through (x0, y0, x1, y1, ...), either winding. */
    static Shape convexPolygon(double... pts) {
        int n = pts.length / 2;
        double area = 0;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += pts[2 * i] * pts[2 * j + 1] - pts[2 * j] * pts[2 * i + 1];
            minX = Math.min(minX, pts[2 * i]); maxX = Math.max(maxX, pts[2 * i]);
            minY = Math.min(minY, pts[2 * i + 1]); maxY = Math.max(maxY, pts[2 * i + 1]);
        }
        double sign = area >= 0 ? 1 : -1;
        Bounds b = new Bounds(minX, minY, maxX, maxY);
        return new Shape() {
            public double coverage(double x, double y) {
                double d = -Double.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    int j = (i + 1) % n;
                    double ex = pts[2 * j] - pts[2 * i], ey = pts[2 * j + 1] - pts[2 * i + 1];
                    double len = Math.sqrt(ex * ex + ey * ey);
                    if (len == 0) continue;
                    // outward distance from edge i (positive outside)
                    double dist = sign * ((x - pts[2 * i]) * ey - (y - pts[2 * i + 1]) * ex) / len;
                    d = Math.max(d, dist);
                }
                return fromDistance(d);
            }
            public Bounds bounds() { return b; }
        };
    }

    static Shape circle(double cx, double cy, double r) {
        return new Shape() {
            public double coverage(double x, double y) {
                return fromDistance(Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - r);
            }
            public Bounds bounds() { return Bounds.around(cx, cy, r); }
        };
    }

    /** Box centred at (cx, cy) with half sizes hw, hh and corner radius r. */
    static Shape roundRect(double cx, double cy, double hw, double hh, double r) {
        double rr = Math.min(r, Math.min(hw, hh));
        return new Shape() {
            public double coverage(double x, double y) {
                double qx = Math.abs(x - cx) - (hw - rr), qy = Math.abs(y - cy) - (hh - rr);
                double ox = Math.max(qx, 0), oy = Math.max(qy, 0);
                double d = Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - rr;
                return fromDistance(d);
            }
            public Bounds bounds() { return new Bounds(cx - hw, cy - hh, cx + hw, cy + hh); }
        };
    }

    /** Segment from a to b with round ends, radius r. */
    static Shape capsule(double ax, double ay, double bx, double by, double r) {
        return polyline(new double[] {ax, ay, bx, by}, r);
    }

    /** A stroked open path through points (x0, y0, x1, y1, ...), radius r (half the stroke width). */
    static Shape polyline(double[] pts, double r) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < pts.length; i += 2) {
            minX = Math.min(minX, pts[i]); maxX = Math.max(maxX, pts[i]);
            minY = Math.min(minY, pts[i + 1]); maxY = Math.max(maxY, pts[i + 1]);
        }
        Bounds b = new Bounds(minX - r, minY - r, maxX + r, maxY + r);
        return new Shape() {
            public double coverage(double x, double y) {
                double best = Double.MAX_VALUE;
                for (int i = 0; i + 3 < pts.length; i += 2) {
                    best = Math.min(best, segmentDistance(x, y, pts[i], pts[i + 1], pts[i + 2], pts[i + 3]));
                }
                if (pts.length == 2) best = StrictMath.hypot(x - pts[0], y - pts[1]);
                return fromDistance(best - r);
            }
            public Bounds bounds() { return b; }
        };
    }

    /** Points along a quadratic Bezier, for smooth strokes (mouths, brows, strands). */
    static double[] quad(double x0, double y0, double cx, double cy, double x1, double y1, int steps) {
        double[] pts = new double[(steps + 1) * 2];
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps, u = 1 - t;
            pts[2 * i] = u * u * x0 + 2 * u * t * cx + t * t * x1;
            pts[2 * i + 1] = u * u * y0 + 2 * u * t * cy + t * t * y1;
        }
        return pts;
    }

    /** The half plane where y is below (greater than) the line through (x0,y0)-(x1,y1)... generalised: left side of the directed line. */
    static Shape halfPlane(double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0, len = Math.sqrt(dx * dx + dy * dy);
        double nx = -dy / len, ny = dx / len;
        return new Shape() {
            public double coverage(double x, double y) {
                return fromDistance(-((x - x0) * nx + (y - y0) * ny));
            }
            public Bounds bounds() { return new Bounds(-1e6, -1e6, 1e6, 1e6); }
        };
    }

    /** Pixels with y below {@code y0} (greater y), softened over one pixel. */
    static Shape below(double y0) {
        return new Shape() {
            public double coverage(double x, double y) { return fromDistance(y0 - y); }
            public Bounds bounds() { return new Bounds(-1e6, y0, 1e6, 1e6); }
        };
    }

    /** Pixels with y above {@code y0}. */
    static Shape above(double y0) {
        return new Shape() {
            public double coverage(double x, double y) { return fromDistance(y - y0); }
            public Bounds bounds() { return new Bounds(-1e6, -1e6, 1e6, y0); }
        };
    }

    /** A soft blob: coverage falls off smoothly from 1 at the centre to 0 at radius r (for blush, shadows, bokeh). */
    static Shape soft(double cx, double cy, double rx, double ry) {
        return new Shape() {
            public double coverage(double x, double y) {
                double nx = (x - cx) / rx, ny = (y - cy) / ry;
                double d = nx * nx + ny * ny;
                if (d >= 1) return 0;
                double t = 1 - d;
                return t * t;
            }
            public Bounds bounds() { return new Bounds(cx - rx, cy - ry, cx + rx, cy + ry); }
        };
    }

    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax, vy = by - ay;
        double wx = px - ax, wy = py - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (wx * vx + wy * vy) / len2));
        double dx = wx - t * vx, dy = wy - t * vy;
        return Math.sqrt(dx * dx + dy * dy);
    }
}

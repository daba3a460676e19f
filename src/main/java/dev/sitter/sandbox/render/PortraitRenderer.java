package dev.sitter.sandbox.render;

/**
 * Paints a stylised head-and-shoulders portrait from an {@link Identity}, a {@link Look} and a
 * seed, with our own rasterizer: every pixel is the result of double arithmetic that Java defines
 * exactly (plus StrictMath for trigonometry), so a request renders to the same pixels everywhere.
 *
 * <p>Geometry is proportional to the canvas, so the same portrait can be rendered at any size
 * (used for upscales and background masks).
 */
public final class PortraitRenderer {
    private PortraitRenderer() {}

    /** Everything that decides the pixels. */
    public record Request(Identity identity, Look look, long seed, int width, int height) {}

    public static Raster render(Request req) {
        Scene s = new Scene(req);
        Raster r = new Raster(req.width(), req.height());
        s.background(r);
        s.hairBack(r);
        s.neck(r);
        s.torso(r);
        s.ears(r);
        s.face(r);
        s.modelling(r);
        s.features(r);
        s.hairFront(r);
        s.glasses(r);
        Post.apply(r, req.look(), req.seed());
        return r;
    }

    /** Per-pixel foreground coverage 0..255 (sitter = 255, background = 0), for background removal. */
    public static byte[] silhouette(Request req) {
        Scene s = new Scene(req);
        Shape fg = s.silhouette();
        byte[] m = new byte[req.width() * req.height()];
        Bounds b = fg.bounds();
        int y0 = Math.max(0, (int) Math.floor(b.y0())), y1 = Math.min(req.height() - 1, (int) Math.ceil(b.y1()));
        int x0 = Math.max(0, (int) Math.floor(b.x0())), x1 = Math.min(req.width() - 1, (int) Math.ceil(b.x1()));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double c = fg.coverage(x + 0.5, y + 0.5);
                m[y * req.width() + x] = (byte) (int) Math.floor(c * 255 + 0.5);
            }
        }
        return m;
    }

    /** The scene's geometry, computed once per render. Units are pixels. */
    static final class Scene {
        final Identity id;
        final Look look;
        final Pose pose;
        final int w, h;
        final double S, cx, cy, rx, ry;
        final double lx, ly, lz;
        final SplitMix64 face;
        final double eyeY, spacing, eyeW, mouthY, mouthW, noseLen;

        Scene(Request req) {
            id = req.identity();
            look = req.look();
            Pose seeded = Pose.fromSeed(req.seed());
            pose = Double.isNaN(look.turn()) ? seeded : seeded.withTurn(look.turn());
            w = req.width();
            h = req.height();
            S = Math.min(w, h / 1.25) * look.zoom();
            face = new SplitMix64(id.layoutSeed());
            double faceWidth = face.range(0.19, 0.23);
            double faceLength = face.range(0.27, 0.31);
            rx = faceWidth * S;
            ry = faceLength * S;
            eyeY = face.range(-0.08, 0.0);
            spacing = face.range(0.36, 0.44);
            eyeW = face.range(0.19, 0.23);
            mouthY = face.range(0.5, 0.58);
            mouthW = face.range(0.26, 0.34);
            noseLen = face.range(0.22, 0.32);
            cx = w / 2.0 + pose.dx() * S;
            cy = h / 2.0 - 0.10 * S;
            double a = pose.lightAngle();
            double lxy = 0.75;
            lx = StrictMath.cos(a) * lxy;
            ly = StrictMath.sin(a) * lxy;
            lz = Math.sqrt(1 - lxy * lxy);
        }

        // ---- lighting ------------------------------------------------------------------------

        /** A surface shaded as if it were a bulging ellipsoid under the scene's light. */
        Paint shaded(int base, double ecx, double ecy, double erx, double ery) {
            return (x, y) -> {
                double nx = (x - ecx) / erx, ny = (y - ecy) / ery;
                double r2 = nx * nx + ny * ny;
                double nz = Math.sqrt(Math.max(0, 1 - Math.min(1, r2)));
                double lambert = Math.max(0, nx * lx + ny * ly + nz * lz);
                return light(base, lambert);
            };
        }

        int light(int base, double lambert) {
            double k = look.key();
            double shade;
            switch (look.kind()) {
                case ANIME -> shade = lambert > 0.42 ? 1.0 : 0.78;
                case NOIR -> shade = 0.14 + 1.35 * StrictMath.pow(lambert, 1.4) * k;
                case PAINTERLY -> shade = 0.45 + 0.62 * lambert * k;
                default -> shade = 0.38 + 0.7 * lambert * k;
            }
            int c = Rgb.scale(base, shade);
            if (look.kind() == Look.Kind.PHOTOREAL && lambert < 0.5) {
                // warm bounce light in the shadows, as skin scatters red light
                c = Rgb.mix(c, Rgb.of(Rgb.r(c) + 18, Rgb.g(c) + 4, Rgb.b(c)), 0.5 - lambert);
            }
            return c;
        }

        // ---- layers --------------------------------------------------------------------------

        void background(Raster r) {
            int base = look.background() >= 0 ? look.background() : Rgb.hsv(pose.bgHue(), 0.35, 0.55);
            int top = Rgb.mix(base, 0xffffff, 0.25);
            int bottom = Rgb.scale(base, 0.55);
            double lightX = lx < 0 ? 0 : w;
            switch (look.kind()) {
                case NOIR -> {
                    // venetian-blind light falling across the wall, computed analytically in one pass
                    SplitMix64 rs = new SplitMix64(pose.detailSeed());
                    double slant = rs.range(-0.35, 0.35);
                    double period = S * rs.range(0.1, 0.15);
                    Paint wall = Paint.linear(lightX, 0, 0x6a6a6a, w - lightX, h, 0x101010);
                    r.fillAll((x, y) -> {
                        double v = (y - slant * x) / period;
                        double f = v - Math.floor(v);
                        double edge = 1.5 / period; // about one pixel of antialiasing
                        double lit = Rgb.clamp01(Math.min(f, 0.55 - f) / edge + 0.5);
                        return Rgb.mix(wall.rgb(x, y), 0xbdbdbd, 0.35 * lit);
                    });
                }
                case ANIME -> {
                    r.fillAll(Paint.linear(0, 0, Rgb.saturate(top, 1.3), 0, h, Rgb.saturate(base, 1.3)));
                    SplitMix64 rs = new SplitMix64(pose.detailSeed());
                    for (int i = 0; i < 7; i++) {
                        double x = rs.range(0, w), y = rs.range(0, h * 0.7), rad = S * rs.range(0.03, 0.09);
                        r.fill(Shape.circle(x, y, rad), Paint.flat(Rgb.mix(top, 0xffffff, 0.5)), 0.35);
                    }
                }
                default -> {
                    r.fillAll(Paint.radial(lightX == 0 ? w * 0.25 : w * 0.75, h * 0.3, StrictMath.hypot(w, h) * 0.8, top, bottom));
                    if (look.bokeh() || look.kind() == Look.Kind.PHOTOREAL) {
                        SplitMix64 rs = new SplitMix64(pose.detailSeed());
                        int n = look.bokeh() ? 14 : 6;
                        for (int i = 0; i < n; i++) {
                            double x = rs.range(0, w), y = rs.range(0, h * 0.8), rad = S * rs.range(0.03, 0.1);
                            int col = Rgb.hsv(pose.bgHue() + rs.range(-40, 40), 0.3, 0.95);
                            r.fill(Shape.soft(x, y, rad, rad), Paint.flat(col), look.bokeh() ? 0.55 : 0.25);
                        }
                    }
                }
            }
        }

        int clothing() {
            return look.clothing() >= 0 ? look.clothing() : Rgb.hsv(pose.clothHue(), 0.45, 0.45);
        }

        /** Shoulders from just under the chin down past the bottom edge, whatever the framing. */
        Shape torsoShape() {
            double top = cy + ry * 1.03, bottom = Math.max(h, top + ry * 2.9) + S;
            return Shape.roundRect(cx + pose.yaw() * rx * 0.1, (top + bottom) / 2, S * 0.5, (bottom - top) / 2, S * 0.24);
        }

        void torso(Raster r) {
            double top = cy + ry * 1.03;
            Shape body = torsoShape();
            r.fill(body, shaded(clothing(), cx, top + ry * 0.92, S * 0.62, ry * 1.7));
            // open collar: a V of skin under the neck, with a darker fold on each side
            double nx = cx + pose.yaw() * rx * 0.1;
            Shape v = Shape.convexPolygon(nx - rx * 0.42, top - 2, nx + rx * 0.42, top - 2, nx, top + ry * 0.55).and(body);
            r.fill(v, shaded(Rgb.scale(id.skin(), 0.9), nx, top, rx * 0.7, ry * 0.7));
            for (int side = -1; side <= 1; side += 2) {
                r.fill(Shape.capsule(nx + side * rx * 0.42, top, nx, top + ry * 0.55, S * 0.006).and(body),
                        Paint.flat(Rgb.scale(clothing(), 0.55)));
            }
        }

        Shape neckShape() {
            double nx = cx + pose.yaw() * rx * 0.1;
            return Shape.roundRect(nx, cy + ry * 1.05, rx * 0.46, ry * 0.45, rx * 0.2);
        }

        void neck(Raster r) {
            double nx = cx + pose.yaw() * rx * 0.1;
            r.fill(neckShape(), shaded(Rgb.scale(id.skin(), 0.88), nx, cy + ry * 0.9, rx * 0.5, ry * 0.7));
            // shadow under the jaw
            r.fill(Shape.soft(nx, cy + ry * 0.82, rx * 0.5, ry * 0.22).and(neckShape()), Paint.flat(Rgb.scale(id.skin(), 0.55)), 0.6);
        }

        Shape headShape() {
            double jaw = 0.55 + 0.15 * new SplitMix64(id.layoutSeed() ^ 7).nextDouble();
            return Shape.egg(cx, cy, rx, ry, jaw).rotated(cx, cy, pose.tilt());
        }

        Shape earShapes() {
            double ey = cy + ry * 0.05;
            double off = rx * (0.97 - 0.05 * Math.abs(pose.yaw()));
            return Shape.ellipse(cx - off + pose.yaw() * rx * 0.15, ey, rx * 0.14, ry * 0.16)
                    .or(Shape.ellipse(cx + off + pose.yaw() * rx * 0.15, ey, rx * 0.14, ry * 0.16)).rotated(cx, cy, pose.tilt());
        }

        void ears(Raster r) {
            r.fill(earShapes(), shaded(Rgb.scale(id.skin(), 0.93), cx, cy, rx * 1.1, ry));
        }

        void face(Raster r) {
            r.fill(headShape(), shaded(id.skin(), cx - pose.yaw() * rx * 0.2, cy - ry * 0.1, rx * 1.05, ry * 1.1));
        }

        /**
         * Soft modelling that makes the head read as round: the fringe's shadow on the forehead, eye
         * sockets, a highlight down the nose, warmth on the cheeks. Skipped for flat cel shading.
         */
        void modelling(Raster r) {
            if (look.kind() == Look.Kind.ANIME) return;
            Shape head = headShape();
            double t = pose.tilt();
            int shadow = Rgb.scale(id.skin(), 0.55);
            if (id.hairLength() != Identity.HairLength.BALD) {
                Shape fringeShadow = hairFrontShape().translated(-lx * S * 0.012, ry * 0.07).rotated(cx, cy, t).and(head);
                r.fill(fringeShadow, Paint.flat(shadow), look.kind() == Look.Kind.NOIR ? 0.5 : 0.3);
            }
            for (int side = -1; side <= 1; side += 2) {
                r.fill(Shape.soft(fx(side * spacing), fy(eyeY - 0.04), rx * 0.3, ry * 0.13).rotated(cx, cy, t), Paint.flat(shadow), 0.35);
                if (look.kind() == Look.Kind.PHOTOREAL || look.kind() == Look.Kind.PAINTERLY) {
                    r.fill(Shape.soft(fx(side * 0.5), fy(0.3), rx * 0.24, ry * 0.12).rotated(cx, cy, t), Paint.flat(0xd86a5a), 0.12);
                }
            }
            double nxp = fx(pose.yaw() * 0.1);
            r.fill(Shape.soft(nxp - lx * rx * 0.05, fy(0.1 + noseLen * 0.45), rx * 0.045, ry * noseLen * 0.55).rotated(cx, cy, t),
                    Paint.flat(0xffffff), look.kind() == Look.Kind.NOIR ? 0.3 : 0.18);
            // chin and jaw fall into shadow
            r.fill(Shape.soft(cx, cy + ry * 0.95, rx * 0.7, ry * 0.25).rotated(cx, cy, t).and(head), Paint.flat(shadow), 0.25);
        }

        /** Feature positions shift with the head's turn (yaw) and rotate with its tilt. */
        double fx(double u) { return cx + (u + pose.yaw() * 0.3) * rx; }
        double fy(double v) { return cy + v * ry; }

        void features(Raster r) {
            Identity.Expression ex = id.expression();
            double eyeW = this.eyeW * (look.kind() == Look.Kind.ANIME ? 1.15 : 1);
            double eyeH = eyeW * (look.kind() == Look.Kind.ANIME ? 0.95 : 0.5);
            if (ex == Identity.Expression.SMILE) eyeH *= 0.75;
            if (ex == Identity.Expression.SURPRISED) eyeH *= 1.3;
            double t = pose.tilt();

            // cheeks: blush for smiles and anime
            if (ex == Identity.Expression.SMILE || look.kind() == Look.Kind.ANIME) {
                for (int side = -1; side <= 1; side += 2) {
                    Shape blush = Shape.soft(fx(side * 0.5), fy(0.28), rx * 0.2, ry * 0.1).rotated(cx, cy, t);
                    r.fill(blush, Paint.flat(0xe06a6a), 0.25);
                }
            }
            // eyes
            for (int side = -1; side <= 1; side += 2) {
                double near = 1 + side * pose.yaw() * 0.3;
                double ex0 = fx(side * spacing), ey0 = fy(eyeY);
                double ew = eyeW * rx * near, eh = eyeH * rx;
                Shape white = Shape.ellipse(ex0, ey0, ew, eh);
                if (ex == Identity.Expression.CALM) white = white.and(Shape.below(ey0 - eh * 0.25));
                r.fill(white.rotated(cx, cy, t), Paint.flat(look.kind() == Look.Kind.NOIR ? 0xdedede : 0xf4f1ec));
                double irisR = Math.min(ew, eh) * (look.kind() == Look.Kind.ANIME ? 0.85 : 0.9);
                double ix = ex0 + pose.yaw() * ew * 0.25;
                Shape iris = Shape.circle(ix, ey0, irisR).and(white);
                r.fill(iris.rotated(cx, cy, t), Paint.radial(ix, ey0 - irisR * 0.3, irisR * 1.3, Rgb.mix(id.eyes(), 0xffffff, 0.25), Rgb.scale(id.eyes(), 0.6)));
                r.fill(Shape.circle(ix, ey0, irisR * 0.45).and(white).rotated(cx, cy, t), Paint.flat(0x101010));
                r.fill(Shape.circle(ix - irisR * 0.35, ey0 - irisR * 0.35, irisR * (look.kind() == Look.Kind.ANIME ? 0.3 : 0.18)).rotated(cx, cy, t), Paint.flat(0xffffff), 0.9);
                // upper lid line
                double lidW = Math.max(1.2, S * 0.006);
                double[] lid = Shape.quad(ex0 - ew, ey0, ex0, ey0 - eh * (ex == Identity.Expression.CALM ? 0.6 : 1.25), ex0 + ew, ey0, 12);
                r.fill(Shape.polyline(lid, lidW).rotated(cx, cy, t), Paint.flat(Rgb.scale(id.hair(), 0.4)));
                // brows
                double browY = ey0 - eh - ry * 0.09;
                double tiltIn = switch (ex) {
                    case ANGRY -> 0.07; case CONFIDENT -> 0.03; case SAD -> -0.06; case SURPRISED -> -0.03; default -> 0;
                } * ry;
                double[] brow = Shape.quad(ex0 - side * ew * 1.1, browY - (ex == Identity.Expression.SURPRISED ? ry * 0.05 : 0),
                        ex0, browY - ry * 0.04, ex0 + side * ew * 1.0, browY + tiltIn, 10);
                int browCol = id.hairLength() == Identity.HairLength.BALD ? Rgb.scale(id.hair(), 0.8) : id.hair();
                r.fill(Shape.polyline(brow, S * 0.008).rotated(cx, cy, t), Paint.flat(Rgb.scale(browCol, 0.8)));
            }
            // nose: a soft shadow on the side away from the light plus a tip
            double nxp = fx(pose.yaw() * 0.2);
            double shadowSide = lx < 0 ? 1 : -1;
            r.fill(Shape.soft(nxp + shadowSide * rx * 0.07, fy(0.1 + noseLen / 2), rx * 0.06, ry * noseLen * 0.6).rotated(cx, cy, t),
                    Paint.flat(Rgb.scale(id.skin(), 0.7)), 0.6);
            double[] nose = Shape.quad(nxp - rx * 0.07, fy(0.12 + noseLen), nxp, fy(0.18 + noseLen), nxp + rx * 0.07, fy(0.12 + noseLen), 8);
            r.fill(Shape.polyline(nose, S * 0.004).rotated(cx, cy, t), Paint.flat(Rgb.scale(id.skin(), 0.62)));

            // freckles: a fixed pattern for this face across the nose and cheeks
            if (id.freckles() > 0) {
                SplitMix64 fr = new SplitMix64(id.layoutSeed() ^ 0xF7EC);
                int n = id.freckles() == 1 ? 22 : 45;
                for (int i = 0; i < n; i++) {
                    double u = fr.range(-0.6, 0.6), v = fr.range(0.05, 0.38);
                    if (Math.abs(u) < 0.12 && v < 0.15) continue;
                    r.fill(Shape.circle(fx(u), fy(v), S * fr.range(0.003, 0.006)).rotated(cx, cy, t),
                            Paint.flat(Rgb.scale(id.skin(), 0.62)), 0.8);
                }
            }
            // scar: the subject's left cheek is on the viewer's right
            if (id.scar() != Identity.Side.NONE) {
                double side = id.scar() == Identity.Side.LEFT ? 1 : -1;
                double[] scar = {fx(side * 0.3), fy(0.14), fx(side * 0.45), fy(0.26), fx(side * 0.62), fy(0.36)};
                r.fill(Shape.polyline(scar, S * 0.009).rotated(cx, cy, t), Paint.flat(Rgb.mix(id.skin(), 0x9a4040, 0.45)));
                r.fill(Shape.polyline(scar, S * 0.004).rotated(cx, cy, t), Paint.flat(Rgb.mix(id.skin(), 0xffffff, 0.35)));
                for (int i = 0; i < 3; i++) {
                    double k = 0.25 + i * 0.25;
                    double sx = fx(side * (0.3 + 0.32 * k)), sy = fy(0.14 + 0.22 * k);
                    r.fill(Shape.capsule(sx - rx * 0.02, sy + ry * 0.03, sx + rx * 0.02, sy - ry * 0.03, S * 0.003).rotated(cx, cy, t),
                            Paint.flat(Rgb.mix(id.skin(), 0x9a4040, 0.35)));
                }
            }
            // beard
            if (id.beard()) {
                Shape beard = headShape().and(Shape.below(fy(0.35))).minus(Shape.ellipse(fx(0), fy(mouthY), rx * mouthW * 1.1, ry * 0.07));
                r.fill(beard, Paint.flat(Rgb.scale(id.hair(), 0.9)), 0.85);
            }
            // mouth
            double mx = fx(0), my = fy(mouthY), mw = mouthW * rx;
            double corner = switch (ex) {
                case SMILE -> -0.09; case CALM -> -0.03; case CONFIDENT -> -0.04; case SAD -> 0.06; case ANGRY -> 0.03; default -> 0;
            } * ry;
            int lip = Rgb.mix(id.skin(), 0xb04a4a, look.kind() == Look.Kind.NOIR ? 0.25 : 0.45);
            if (ex == Identity.Expression.SMILE) {
                Shape open = Shape.ellipse(mx, my, mw, ry * 0.09).and(Shape.below(my - ry * 0.01));
                r.fill(open.rotated(cx, cy, t), Paint.flat(0x5a1e1e));
                r.fill(Shape.ellipse(mx, my + ry * 0.005, mw * 0.8, ry * 0.035).and(Shape.below(my - ry * 0.01)).rotated(cx, cy, t), Paint.flat(0xf2efe8));
            } else if (ex == Identity.Expression.SURPRISED) {
                r.fill(Shape.ellipse(mx, my, mw * 0.4, ry * 0.07).rotated(cx, cy, t), Paint.flat(0x4a1818));
            } else {
                r.fill(Shape.ellipse(mx, my + ry * 0.04, mw * 0.72, ry * 0.045).rotated(cx, cy, t), Paint.flat(lip), 0.8);
                r.fill(Shape.ellipse(mx, my - ry * 0.015, mw * 0.8, ry * 0.03).rotated(cx, cy, t), Paint.flat(Rgb.scale(lip, 0.85)), 0.7);
            }
            double[] line = Shape.quad(mx - mw, my + corner, mx, my - corner * 0.6 + (ex == Identity.Expression.CONFIDENT ? ry * 0.01 : 0),
                    mx + mw, my + corner * (ex == Identity.Expression.CONFIDENT ? 0.3 : 1), 14);
            r.fill(Shape.polyline(line, S * 0.0045).rotated(cx, cy, t), Paint.flat(Rgb.scale(lip, 0.55)));
        }

        /** The hair mass behind the head: its length is the most visible identity cue; curls give it a scalloped edge. */
        Shape hairBackShape() {
            Shape mass = hairMass();
            if (!id.curly() || id.hairLength() == Identity.HairLength.BALD) return mass;
            double bottom = switch (id.hairLength()) {
                case SHORT -> 0.0; case BOB -> 0.6; case SHOULDER -> 1.3; default -> 2.2;
            };
            Shape curls = mass;
            int n = 22;
            for (int i = 0; i <= n; i++) {
                // walk the outline from the left jaw over the crown to the right jaw
                double a = StrictMath.PI * (1.0 - (double) i / n);
                double x = cx + StrictMath.cos(a) * rx * 1.18, y = cy - ry * 0.1 - StrictMath.sin(a) * ry * 1.02;
                curls = curls.or(Shape.circle(x, y, rx * 0.17));
            }
            for (double v = 0.1; v <= bottom; v += 0.3) {
                curls = curls.or(Shape.circle(cx - rx * 1.2, cy + ry * v, rx * 0.17)).or(Shape.circle(cx + rx * 1.2, cy + ry * v, rx * 0.17));
            }
            return curls;
        }

        private Shape hairMass() {
            double hx = cx;
            return switch (id.hairLength()) {
                case BALD -> Shape.circle(-1000, -1000, 0);
                case SHORT -> Shape.ellipse(hx, cy - ry * 0.12, rx * 1.08, ry * 0.95).and(Shape.above(cy + ry * 0.05));
                case BOB -> Shape.ellipse(hx, cy - ry * 0.1, rx * 1.2, ry * 1.02).and(Shape.above(cy + ry * 0.35))
                        .or(Shape.roundRect(hx, cy + ry * 0.2, rx * 1.22, ry * 0.42, rx * 0.3));
                case SHOULDER -> Shape.ellipse(hx, cy - ry * 0.1, rx * 1.2, ry * 1.02)
                        .or(Shape.roundRect(hx, cy + ry * 0.55, rx * 1.25, ry * 0.85, rx * 0.4));
                case LONG -> Shape.ellipse(hx, cy - ry * 0.1, rx * 1.22, ry * 1.04)
                        .or(Shape.roundRect(hx, cy + ry * 1.0, rx * 1.35, ry * 1.4, rx * 0.45));
            };
        }

        Paint hairPaint() {
            Paint base = shaded(id.hair(), cx, cy - ry * 0.3, rx * 1.3, ry * 1.3);
            SplitMix64 sr = new SplitMix64(id.layoutSeed() ^ 0x4A1L);
            double phase = sr.range(0, 1);
            double strands = id.curly() ? 11 : 6;
            double amount = look.kind() == Look.Kind.ANIME ? 0.0 : 0.07;
            double wave = S * 0.012;
            return (x, y) -> {
                int c = base.rgb(x, y);
                // strands fanning out from the crown: a triangle wave over a pseudo-angle (no trigonometry per pixel)
                double dx = x - cx, dy = y - (cy - ry);
                double pseudoAngle = dx / (Math.abs(dx) + Math.abs(dy) + 1e-9);
                double v = pseudoAngle * strands + phase + (id.curly() ? tri(y / wave) * 0.25 : 0);
                return Rgb.scale(c, 1 + tri(v) * amount);
            };
        }

        /** A triangle wave in [-1, 1] with period 1: a cheap, exact stand-in for a sine. */
        static double tri(double v) {
            double f = v - Math.floor(v);
            return Math.abs(f - 0.5) * 4 - 1;
        }

        void hairBack(Raster r) {
            if (id.hairLength() == Identity.HairLength.BALD) return;
            Shape back = hairBackShape().rotated(cx, cy, pose.tilt());
            r.fill(back, Paint.flat(Rgb.scale(id.hair(), 0.6)));
            r.fill(back, hairPaint(), 0.6);
            if (id.streak() != Identity.NO_STREAK) {
                r.fill(streakShape().and(back), Paint.flat(Rgb.scale(id.streak(), 0.85)));
            }
        }

        double partSide() {
            return (id.layoutSeed() & 1) == 0 ? -1 : 1;
        }

        Shape streakShape() {
            double side = partSide();
            double sx = cx + side * rx * 0.35;
            return Shape.polyline(new double[] {sx, cy - ry * 1.1, sx + side * rx * 0.25, cy - ry * 0.5,
                    sx + side * rx * 0.55, cy + ry * 0.1, sx + side * rx * 0.62, cy + ry * 1.2}, rx * 0.09);
        }

        Shape hairFrontShape() {
            double side = partSide();
            Shape cap = Shape.ellipse(cx, cy - ry * 0.15, rx * 1.06, ry * 0.93);
            if (id.hairLength() == Identity.HairLength.BOB) {
                // a straight fringe across the forehead, sides down to the jaw
                Shape fringe = cap.and(Shape.above(cy - ry * 0.38));
                Shape sides = Shape.ellipse(cx - rx * 0.97, cy + ry * 0.05, rx * 0.22, ry * 0.58)
                        .or(Shape.ellipse(cx + rx * 0.97, cy + ry * 0.05, rx * 0.22, ry * 0.58));
                return fringe.or(sides);
            }
            // a side-swept fringe: the hairline dips on the part side
            // directed right-to-left, so the covered side is above the hairline
            Shape line = Shape.halfPlane(cx + rx, cy - ry * (side < 0 ? 0.55 : 0.3), cx - rx, cy - ry * (side < 0 ? 0.3 : 0.55));
            Shape fringe = cap.and(line);
            if (id.hairLength() == Identity.HairLength.SHORT) return fringe;
            double drop = id.hairLength() == Identity.HairLength.LONG ? 0.95 : 0.7;
            Shape sides = Shape.ellipse(cx - rx * 0.98, cy + ry * 0.1, rx * 0.2, ry * drop)
                    .or(Shape.ellipse(cx + rx * 0.98, cy + ry * 0.1, rx * 0.2, ry * drop)).and(Shape.below(cy - ry * 0.45));
            return fringe.or(sides);
        }

        void hairFront(Raster r) {
            if (id.hairLength() == Identity.HairLength.BALD) return;
            Shape front = hairFrontShape().rotated(cx, cy, pose.tilt());
            r.fill(front, hairPaint());
            if (look.kind() != Look.Kind.ANIME) {
                // a sheen where the light catches the crown
                Shape sheen = Shape.soft(cx + lx * rx * 0.5, cy - ry * 0.72, rx * 0.45, ry * 0.12).and(front);
                r.fill(sheen, Paint.flat(Rgb.mix(id.hair(), 0xffffff, 0.55)), 0.45);
            } else {
                // the cel-style highlight: a thin crescent across the crown
                Shape arc = Shape.ellipse(cx + lx * rx * 0.3, cy - ry * 0.66, rx * 0.55, ry * 0.09);
                Shape band = arc.minus(arc.translated(0, ry * 0.035)).and(front);
                r.fill(band, Paint.flat(Rgb.mix(id.hair(), 0xffffff, 0.5)), 0.8);
            }
            if (id.streak() != Identity.NO_STREAK) {
                r.fill(streakShape().rotated(cx, cy, pose.tilt()).and(front), Paint.flat(id.streak()));
            }
        }

        void glasses(Raster r) {
            if (!id.glasses() && !id.sunglasses()) return;
            double sp = spacing;
            double t = pose.tilt();
            int frame = id.sunglasses() ? 0x151515 : 0x2a2424;
            double fw = S * 0.007;
            for (int side = -1; side <= 1; side += 2) {
                double ex0 = fx(side * sp), ey0 = fy(eyeY);
                double hw = rx * 0.27 * (1 + side * pose.yaw() * 0.15), hh = ry * 0.13;
                Shape outer = Shape.roundRect(ex0, ey0, hw, hh, rx * 0.08);
                Shape inner = Shape.roundRect(ex0, ey0, hw - fw * 1.8, hh - fw * 1.8, rx * 0.06);
                if (id.sunglasses()) r.fill(inner.rotated(cx, cy, t), Paint.flat(0x101418), 0.92);
                else r.fill(inner.rotated(cx, cy, t), Paint.flat(0xdfefff), 0.12);
                r.fill(outer.minus(inner).rotated(cx, cy, t), Paint.flat(frame));
                r.fill(Shape.capsule(ex0 + side * hw, ey0 - hh * 0.4, cx + side * rx * 0.98, ey0 - hh * 0.2, fw * 0.8).rotated(cx, cy, t), Paint.flat(frame));
            }
            r.fill(Shape.polyline(Shape.quad(fx(-sp) + rx * 0.27, fy(eyeY) - ry * 0.02, fx(0), fy(eyeY) - ry * 0.07,
                    fx(sp) - rx * 0.27, fy(eyeY) - ry * 0.02, 8), fw).rotated(cx, cy, t), Paint.flat(frame));
        }

        Shape silhouette() {
            Shape s = headShape().or(neckShape()).or(torsoShape()).or(earShapes());
            if (id.hairLength() != Identity.HairLength.BALD) {
                s = s.or(hairBackShape().rotated(cx, cy, pose.tilt())).or(hairFrontShape().rotated(cx, cy, pose.tilt()));
            }
            return s;
        }
    }
}

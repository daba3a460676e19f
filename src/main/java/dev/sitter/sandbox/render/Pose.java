package dev.sitter.sandbox.render;

/**
 * What the seed decides: where the head sits and turns, where the light comes from, and the
 * background and clothing when the prompt leaves them open.
 */
record Pose(double dx, double tilt, double yaw, double lightAngle, double bgHue, double clothHue,
            long detailSeed) {

    /** The same pose with the head turned by {@code turn} (0..1), towards the side the seed chose. */
    Pose withTurn(double turn) {
        double side = yaw < 0 ? -1 : 1;
        return new Pose(dx, tilt * 0.5, side * turn, lightAngle, bgHue, clothHue, detailSeed);
    }

    static Pose fromSeed(long seed) {
        SplitMix64 r = new SplitMix64(SplitMix64.derive(seed, "pose"));
        double dx = r.range(-0.05, 0.05);
        double tilt = r.range(-0.12, 0.12);
        double yaw = r.range(-0.6, 0.6);
        // Light from the upper left or upper right, never from below.
        double light = r.nextDouble() < 0.5 ? r.range(-2.6, -1.9) : r.range(-1.25, -0.55);
        return new Pose(dx, tilt, yaw, light, r.range(0, 360), r.range(0, 360), r.nextLong());
    }
}

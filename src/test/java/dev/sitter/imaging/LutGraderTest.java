package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LutGraderTest {
    @TempDir
    Path dir;

    @Test
    void gradesEverySetMemberIdenticallyAndKeepsAlpha() {
        BufferedImage a = TestImages.gradient(40, 30);
        BufferedImage b = TestImages.gradient(40, 30);
        Path in = dir.resolve("in");
        Images.writePng(a, in.resolve("a.png"));
        Images.writePng(b, in.resolve("b.png"));
        List<Path> out = LutGrader.gradeAll(LutLooks.tealOrange(), List.of(in.resolve("a.png"), in.resolve("b.png")), dir.resolve("out"));
        assertEquals(List.of(dir.resolve("out/a.png"), dir.resolve("out/b.png")), out);
        int[] ga = Images.pixels(Images.read(out.get(0)));
        int[] gb = Images.pixels(Images.read(out.get(1)));
        assertArrayEquals(ga, gb, "equal inputs give equal outputs");
        int[] src = Images.pixels(a);
        int changed = 0;
        for (int i = 0; i < src.length; i++) {
            assertEquals(src[i] >>> 24, ga[i] >>> 24, "alpha preserved");
            if ((src[i] & 0xffffff) != (ga[i] & 0xffffff)) {
                changed++;
            }
        }
        assertTrue(changed > src.length / 2, "the look changes colours: " + changed);
        // the same pixel colour maps to the same output wherever it appears
        float[] scratch = new float[3];
        assertEquals(LutLooks.tealOrange().mapArgb(src[5], scratch), ga[5]);
    }

    @Test
    void refusesToOverwriteAnOriginal() {
        Path file = dir.resolve("a.png");
        Images.writePng(TestImages.solid(4, 4, 0xff112233), file);
        ImagingException e = assertThrows(ImagingException.class, () -> LutGrader.gradeAll(LutLooks.warmFilm(), List.of(file), dir));
        assertTrue(e.getMessage().contains("overwrite the original"), e.getMessage());
        assertEquals(0xff112233, Images.pixels(Images.read(file))[0], "original untouched");
    }

    @Test
    void refusesTwoInputsWithTheSameOutputNameBeforeWritingAnything() throws Exception {
        Images.writePng(TestImages.solid(4, 4, 0xff112233), dir.resolve("x/a.png"));
        Images.writePng(TestImages.solid(4, 4, 0xff112233), dir.resolve("y/a.jpg.png").resolveSibling("a.png"));
        Path out = dir.resolve("out");
        ImagingException e = assertThrows(ImagingException.class,
                () -> LutGrader.gradeAll(LutLooks.warmFilm(), List.of(dir.resolve("x/a.png"), dir.resolve("y/a.png")), out));
        assertTrue(e.getMessage().contains("same file"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void corruptInputNamesTheFile() throws Exception {
        Path bad = dir.resolve("bad.png");
        Files.writeString(bad, "not a png", StandardCharsets.UTF_8);
        ImagingException e = assertThrows(ImagingException.class, () -> LutGrader.gradeAll(CubeLut.identity(2), List.of(bad), dir.resolve("o")));
        assertTrue(e.getMessage().contains("bad.png"), e.getMessage());
    }
}

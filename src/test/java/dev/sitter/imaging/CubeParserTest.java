package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CubeParserTest {
    @TempDir
    Path dir;

    /** A 2^3 LUT that inverts every channel, in the order .cube prescribes (red fastest). */
    static final String INVERT = """
            # a comment line
            TITLE "Invert # not a comment"
            LUT_3D_SIZE 2
            DOMAIN_MIN 0.0 0.0 0.0   # trailing comment
            DOMAIN_MAX 1.0 1.0 1.0
            LUT_1D_INPUT_RANGE 0.0 1.0

            1 1 1
            0 1 1
            1 0 1
            0 0 1
            1 1 0
            0 1 0
            1 0 0
            0 0 0
            """;

    @Test
    void parsesHeaderCommentsAndData() {
        CubeLut lut = CubeParser.parse(INVERT, "invert.cube");
        assertEquals("Invert # not a comment", lut.title());
        assertEquals(2, lut.size());
        assertArrayEquals(new float[]{0, 1, 1}, lut.entry(1, 0, 0));
        assertArrayEquals(new float[]{1, 0, 1}, lut.entry(0, 1, 0));
        assertArrayEquals(new float[]{1, 1, 0}, lut.entry(0, 0, 1));
    }

    @Test
    void acceptsWindowsLineEndsAndResolveInputRange() {
        String text = INVERT.replace("DOMAIN_MIN 0.0 0.0 0.0   # trailing comment\nDOMAIN_MAX 1.0 1.0 1.0", "LUT_3D_INPUT_RANGE 0 2")
                .replace("\n", "\r\n");
        CubeLut lut = CubeParser.parse(text, "r.cube");
        assertArrayEquals(new float[]{2, 2, 2}, lut.domainMax());
    }

    @Test
    void writerOutputParsesBackToTheSameTable() {
        CubeLut look = LutLooks.warmFilm();
        CubeLut back = CubeParser.parse(CubeWriter.write(look, "x"), "w.cube");
        assertEquals(look.size(), back.size());
        for (int i = 0; i < look.size(); i++) {
            assertArrayEquals(look.entry(i, 3, look.size() - 1 - i), back.entry(i, 3, look.size() - 1 - i), 1e-6f);
        }
    }

    @Test
    void readsFromDiskAndNamesAMissingFile() throws Exception {
        Path file = dir.resolve("invert.cube");
        Files.writeString(file, INVERT);
        assertEquals(2, CubeParser.parse(file).size());
        ImagingException e = assertThrows(ImagingException.class, () -> CubeParser.parse(dir.resolve("nope.cube")));
        assertTrue(e.getMessage().contains("nope.cube") && e.getMessage().contains("prompt-library/luts"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no size              | TITLE "x"\\n0 0 0                                 | 2 | data row before LUT_3D_SIZE
            size not a number    | LUT_3D_SIZE seventeen                            | 1 | not a whole number
            size too small       | LUT_3D_SIZE 1                                    | 1 | outside 2..129
            size twice           | LUT_3D_SIZE 2\\nLUT_3D_SIZE 2                     | 2 | given twice
            one-d lut            | LUT_1D_SIZE 1024                                 | 1 | 1D LUT
            two numbers          | LUT_3D_SIZE 2\\n0 0                               | 2 | needs 3 numbers
            comma decimals       | LUT_3D_SIZE 2\\n0,5 0 0                           | 2 | not a number
            nan                  | LUT_3D_SIZE 2\\n0 NaN 0                           | 2 | not a number
            truncated            | LUT_3D_SIZE 2\\n0 0 0\\n1 0 0                      | 3 | needs 8 data rows, found 2
            too many rows        | LUT_3D_SIZE 2\\n#8ROWS\\n0 0 0                     | 10 | more than 8 data rows
            keyword after data   | LUT_3D_SIZE 2\\n0 0 0\\nTITLE "late"               | 3 | after the data rows
            bad domain           | DOMAIN_MIN 1 1 1\\nLUT_3D_SIZE 2\\n#8ROWS          | 10 | DOMAIN_MIN must be below DOMAIN_MAX
            domain arity         | DOMAIN_MAX 1 1                                   | 1 | needs three numbers
            title unquoted       | TITLE hello                                      | 1 | double quotes
            empty file           | # only a comment                                 | 1 | no LUT_3D_SIZE
            """)
    void malformedFilesNameFileLineProblemAndFix(String name, String body, int line, String problem) {
        String text = body.replace("\\n", "\n").replace("#8ROWS", "0 0 0\n".repeat(8).strip());
        LutFormatException e = assertThrows(LutFormatException.class, () -> CubeParser.parse(text, "looks/bad.cube"));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("looks/bad.cube:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
    }

    /** Parsed LUTs are kept between runs, but by content: a file edited in place is read anew. */
    @Test
    void aLutFileEditedInPlaceIsParsedAgain() throws Exception {
        java.nio.file.Path file = dir.resolve("look.cube");
        java.nio.file.Files.writeString(file, CubeWriter.write(CubeLut.identity(2)));
        CubeLut first = CubeParser.parse(file);
        assertSame(first, CubeParser.parse(file), "the same file and content: parsed once");
        java.nio.file.Files.writeString(file, CubeWriter.write(CubeLut.sample("warm", 3, (r, g, b, out) -> {
            out[0] = Math.min(1, r * 1.1f);
            out[1] = g;
            out[2] = b * 0.9f;
        })));
        CubeLut edited = CubeParser.parse(file);
        assertEquals(3, edited.size());
        assertEquals("warm", edited.title());
    }
}

package dev.sitter.imaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LutLooksTest {
    static final Path LUTS = Path.of("prompt-library/luts");

    @Test
    void shippedFilesAreExactlyWhatTheGeneratorWrites() throws Exception {
        assertEquals(LutLooks.tealOrangeFile(), Files.readString(LUTS.resolve("teal-orange.cube")),
                "regenerate with: java -cp target/classes dev.sitter.imaging.LutLooks");
        assertEquals(LutLooks.warmFilmFile(), Files.readString(LUTS.resolve("warm-film.cube")));
    }

    @Test
    void shippedFilesParse() {
        for (String name : new String[]{"teal-orange.cube", "warm-film.cube"}) {
            CubeLut lut = CubeParser.parse(LUTS.resolve(name));
            assertEquals(LutLooks.SIZE, lut.size(), name);
        }
    }
}

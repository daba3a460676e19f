package dev.sitter.library;

import java.nio.file.Path;

/** Records one sample PNG and one JPEG into a library, for checking the files by hand (exiftool). */
public final class DemoRecord {
    public static void main(String[] args) throws Exception {
        Library lib = Library.open(Path.of(args[0]));
        System.out.println(lib.record(Samples.png(64, 64, 1), Samples.spec("mara", 4242), Samples.facts(4242)).image());
        System.out.println(lib.record(Samples.jpeg(64, 64, 1), Samples.spec("mara", 4243), Samples.facts(4243)).image());
    }
}

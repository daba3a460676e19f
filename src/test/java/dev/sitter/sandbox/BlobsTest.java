package dev.sitter.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BlobsTest {
    @Test
    void memoryCapDropsTheOldestGeneratedImagesButKeepsUploads() {
        Blobs b = Blobs.inMemory(100);
        b.put("init/u/a.png", new byte[40]);
        b.put("generations/g/1.png", new byte[40]);
        b.put("generations/g/2.png", new byte[40]);
        assertNull(b.get("generations/g/1.png"), "oldest generated image dropped");
        assertNotNull(b.get("generations/g/2.png"));
        assertNotNull(b.get("init/u/a.png"), "uploads are kept");
        b.delete("generations/g/2.png");
        b.put("generations/g/3.png", new byte[50]);
        assertNotNull(b.get("generations/g/3.png"));
    }

    @Test
    void directoryStorageRefusesKeysThatEscape(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Blobs b = Blobs.inDirectory(dir);
        b.put("generations/x.png", new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, b.get("generations/x.png"));
        assertThrows(IllegalArgumentException.class, () -> b.put("../evil.png", new byte[1]));
        assertNull(b.get("missing.png"));
    }
}

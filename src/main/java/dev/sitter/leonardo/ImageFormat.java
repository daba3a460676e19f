package dev.sitter.leonardo;

/** Tells PNG, JPEG and WebP apart by their magic bytes: the three formats Leonardo accepts for uploads. */
enum ImageFormat {
    PNG("png", "image/png"), JPEG("jpg", "image/jpeg"), WEBP("webp", "image/webp");

    final String extension;
    final String mediaType;

    ImageFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** @throws LeonardoException (CONFIG) for anything else, naming the image */
    static ImageFormat of(byte[] b, String label) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return PNG;
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return JPEG;
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return WEBP;
        throw new LeonardoException(LeonardoException.Kind.CONFIG, label
                + " is not a PNG, JPEG or WebP image (the only formats Leonardo accepts); convert it and try again.");
    }
}

package dev.sitter.imaging;

import java.util.Map;

/**
 * What an image file says about itself, as read back by {@link ProvenanceMetadata#read}.
 *
 * @param mediaType      image/png or image/jpeg
 * @param text           PNG text chunks, keyword to text (empty for JPEG)
 * @param xmp            the XMP packet, or null
 * @param xmpProperties  its simple properties ({@code prefix:Name}), empty when there is no packet
 * @param provenanceJson the Sitter provenance record, or null
 * @param parameters     the AUTOMATIC1111 parameters text, or null
 */
public record EmbeddedMetadata(String mediaType, Map<String, String> text, String xmp,
                               Map<String, String> xmpProperties, String provenanceJson, String parameters) {
    public String digitalSourceType() { return xmpProperties.get("Iptc4xmpExt:DigitalSourceType"); }
}

package nl.beslisstraat.engine.regulation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 of a version's content, in lower-case hex: what identifies a version beside its
 * label. For a rule set, over the resources it compiles in the order they are compiled (the
 * regulation's declared application type, then the version's rules as listed, then the input
 * schema); each resource counts with its file name (which picks the Drools parser) and its
 * length, so no two different lists of resources give the same bytes to digest.
 */
public final class ContentHash {

    private ContentHash() {}

    /** @param resources resource path (only its file name counts) and content, in compile order */
    static String of(Map<String, byte[]> resources) {
        MessageDigest digest = sha256();
        resources.forEach((path, content) -> {
            byte[] name = path.substring(path.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            digest.update(name);
            digest.update(
                    ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
            digest.update(content);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a text (UTF-8), such as a norm version's canonical rows. */
    public static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package wasimoff.eval.system.reference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's file storage, as Wasimoff's: files are kept by content ({@code sha256:<hex>} refs)
 * and may have a friendly name ({@code tsp.wasm}) that points to the newest upload under it.
 */
final class ModuleStorage {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    String put(byte[] content, String name) {
        String ref = "sha256:" + sha256(content);
        files.put(ref, content);
        if (name != null && !name.isBlank()) {
            names.put(name, ref);
        }
        return ref;
    }

    /** Resolves a name or ref to a ref of a stored file. */
    Optional<String> resolve(String nameOrRef) {
        if (files.containsKey(nameOrRef)) {
            return Optional.of(nameOrRef);
        }
        return Optional.ofNullable(names.get(nameOrRef));
    }

    Optional<byte[]> get(String nameOrRef) {
        return resolve(nameOrRef).map(files::get);
    }

    static boolean isWasm(byte[] b) {
        return b.length >= 4 && b[0] == 0 && b[1] == 'a' && b[2] == 's' && b[3] == 'm';
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

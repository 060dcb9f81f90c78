package starfish.orchestrator.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who deployed a cloud testbed: a random token written once on this machine, tagged on everything a deploy creates.
 * Two people or CI jobs that happen to use the same testbed_id have different tokens, so neither lists, uses or
 * destroys the other's resources (only `testbed destroy --force` takes everything with the testbed id).
 */
public record OwnerToken(String value) {
    /** The tag key (AWS) or tag prefix (Vultr) that carries the token. */
    public static final String TAG_KEY = "starfish:owner";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{16}");

    public OwnerToken {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an owner token is 16 hex digits, not '" + value + "'");
        }
    }

    /** The token recorded for this testbed on this machine, recorded now when there is none yet. */
    public static OwnerToken of(CloudState state) {
        Path file = state.ownerToken();
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file).trim();
                try {
                    return new OwnerToken(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " does not hold an owner token (16 hex digits); restore it, "
                            + "or delete it and remove the testbed's resources with `testbed destroy --force`", e);
                }
            }
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            OwnerToken token = new OwnerToken(HexFormat.of().formatHex(random));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, token.value() + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or record the owner token in " + file, e);
        }
    }

    /** A short form for names that must be unique per owner (AWS key pairs and security groups, Vultr keys). */
    public String shortForm() {
        return value.substring(0, 8);
    }
}

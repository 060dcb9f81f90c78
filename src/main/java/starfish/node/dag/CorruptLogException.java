package starfish.node.dag;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The write-ahead log is damaged before its tail (or holds a block that is not validly signed): recovering only a
 * prefix could forget a block this validator signed and let it sign a second one for the same round, so the
 * validator refuses to start.
 */
public final class CorruptLogException extends IOException {

    public CorruptLogException(Path file, long offset, String what) {
        super(file + " is corrupt at byte " + offset + " (" + what + "), before its tail: refusing to start, since"
                + " recovering only the part before it could make this validator sign a second block for a round"
                + " it already signed. Restore the file from a copy; delete the storage directory only when no block"
                + " this validator signed can still reach its peers (a fresh run).");
    }
}

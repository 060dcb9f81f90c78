package starfish.orchestrator.prometheus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Scanning a Prometheus text page held as UTF-8 bytes. Everything the format gives meaning to (newlines, spaces,
 * `#`, braces, quotes, digits) is ASCII, so it can be found byte by byte; multi-byte characters only ever sit inside
 * names and label values, which are decoded whole.
 */
final class Utf8Page {
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
    private static final byte[] TYPE = "TYPE".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Page() {
    }

    static String text(byte[] page, int from, int to) {
        return new String(page, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Where the line starting at `from` ends: its newline, or the end of the page. Eight bytes at a time (a zero
     * byte in word ^ newlines, found by the carry trick), since every byte of a page goes through here.
     */
    static int lineEnd(byte[] page, int from) {
        int at = from;
        for (; at + Long.BYTES <= page.length; at += Long.BYTES) {
            long newlines = (long) LONGS.get(page, at) ^ NEWLINES;
            long zeroBytes = (newlines - ONES) & ~newlines & HIGH_BITS;
            if (zeroBytes != 0) {
                return at + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; at < page.length; at++) {
            if (page[at] == '\n') {
                return at;
            }
        }
        return page.length;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }

    static int skipSpaces(byte[] page, int from, int end) {
        while (from < end && isSpace(page[from])) {
            from++;
        }
        return from;
    }

    static int trimEnd(byte[] page, int from, int end) {
        while (end > from && isSpace(page[end - 1])) {
            end--;
        }
        return end;
    }

    /** Where the token that ends at `end` starts: after the space before it, or at `from`. */
    static int tokenStart(byte[] page, int from, int end) {
        while (end > from && !isSpace(page[end - 1])) {
            end--;
        }
        return end;
    }

    /** The end of the token at `from`: the next space or the end. */
    static int tokenEnd(byte[] page, int from, int end) {
        while (from < end && !isSpace(page[from])) {
            from++;
        }
        return from;
    }

    /** `# TYPE ...`; other comments (HELP lines above all) are passed over unread. */
    static boolean isTypeLine(byte[] page, int from, int end) {
        int at = skipSpaces(page, from + 1, end);
        return at + TYPE.length < end
                && Arrays.equals(page, at, at + TYPE.length, TYPE, 0, TYPE.length)
                && isSpace(page[at + TYPE.length]);
    }

    /**
     * Where a sample's name and labels end: after the `}` closing the label block (quotes and escapes respected),
     * or at the first space when there is none.
     */
    static int prefixEnd(byte[] page, int from, int end) {
        int at = from;
        while (at < end && page[at] != '{' && !isSpace(page[at])) {
            at++;
        }
        if (at == end || page[at] != '{') {
            return at;
        }
        boolean quoted = false;
        for (at++; at < end; at++) {
            byte b = page[at];
            if (quoted && b == '\\') {
                at++;
            } else if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == '}') {
                return at + 1;
            }
        }
        throw new IllegalArgumentException("the label block is not closed");
    }

    /**
     * Counts and bucket bounds are mostly short plain decimals ("42", "0.0075"): with at most 15 digits both the
     * digits and the power of ten are exact doubles, so one division gives the correctly rounded value that
     * Double.parseDouble would. NaN for anything else, which the general path reads.
     */
    static double plainDecimal(byte[] page, int from, int to) {
        long digits = 0;
        int count = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            byte b = page[i];
            if (b == '.' && point < 0) {
                point = i;
            } else if (b >= '0' && b <= '9' && ++count <= 15) {
                digits = digits * 10 + (b - '0');
            } else {
                return Double.NaN;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        int fractionDigits = point < 0 ? 0 : to - point - 1;
        return digits / POWERS_OF_TEN[fractionDigits];
    }
}

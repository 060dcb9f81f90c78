package starfish.node.data;

/**
 * Arithmetic in GF(2^8) with the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator 2.
 * Elements are ints in 0..255. The full 256 x 256 product table (64 KiB) lets the coder multiply a whole
 * shard by a constant with one table row and one lookup per byte.
 */
final class GaloisField {

    static final int ORDER = 256;
    private static final int POLYNOMIAL = 0x11D;

    private static final int[] EXP = new int[2 * ORDER];
    private static final int[] LOG = new int[ORDER];
    private static final byte[][] PRODUCTS = new byte[ORDER][ORDER];

    static {
        int x = 1;
        for (int i = 0; i < ORDER - 1; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= ORDER) {
                x ^= POLYNOMIAL;
            }
        }
        // Doubling the exponent table spares a modulo in multiply.
        for (int i = ORDER - 1; i < EXP.length; i++) {
            EXP[i] = EXP[i - (ORDER - 1)];
        }
        for (int a = 0; a < ORDER; a++) {
            for (int b = 0; b < ORDER; b++) {
                PRODUCTS[a][b] = (byte) multiply(a, b);
            }
        }
    }

    private GaloisField() {
    }

    static int add(int a, int b) {
        return a ^ b;
    }

    static int multiply(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[LOG[a] + LOG[b]];
    }

    static int inverse(int a) {
        if (a == 0) {
            throw new ArithmeticException("0 has no inverse in GF(2^8)");
        }
        return EXP[(ORDER - 1) - LOG[a]];
    }

    /** The row {@code c * b} for every byte b, indexed by {@code b & 0xFF}. */
    static byte[] productsOf(int c) {
        return PRODUCTS[c];
    }
}

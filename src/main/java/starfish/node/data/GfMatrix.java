package starfish.node.data;

/** A small dense matrix over GF(2^8), just what the coder needs: Cauchy construction, row selection, inversion. */
final class GfMatrix {

    private final int[][] cells;

    private GfMatrix(int[][] cells) {
        this.cells = cells;
    }

    /**
     * The systematic encoding matrix: identity on top (data shards are the data itself), then a Cauchy block
     * {@code 1 / (x_r + y_j)} with x_r = k + r and y_j = j. Every k x k submatrix of [I; C] is invertible, which
     * is exactly "any k shards rebuild the data".
     */
    static GfMatrix systematicCauchy(int dataShards, int totalShards) {
        int[][] cells = new int[totalShards][dataShards];
        for (int j = 0; j < dataShards; j++) {
            cells[j][j] = 1;
        }
        for (int row = dataShards; row < totalShards; row++) {
            for (int j = 0; j < dataShards; j++) {
                cells[row][j] = GaloisField.inverse(GaloisField.add(row, j));
            }
        }
        return new GfMatrix(cells);
    }

    int get(int row, int column) {
        return cells[row][column];
    }

    GfMatrix rows(int[] rowIndices) {
        int[][] selected = new int[rowIndices.length][];
        for (int i = 0; i < rowIndices.length; i++) {
            selected[i] = cells[rowIndices[i]].clone();
        }
        return new GfMatrix(selected);
    }

    /** Gauss-Jordan inversion of a square matrix; the Cauchy construction guarantees it is never singular. */
    GfMatrix inverse() {
        int size = cells.length;
        int[][] work = new int[size][];
        int[][] result = new int[size][size];
        for (int i = 0; i < size; i++) {
            work[i] = cells[i].clone();
            result[i][i] = 1;
        }
        for (int column = 0; column < size; column++) {
            int pivot = column;
            while (pivot < size && work[pivot][column] == 0) {
                pivot++;
            }
            if (pivot == size) {
                throw new ArithmeticException("singular matrix");
            }
            swap(work, column, pivot);
            swap(result, column, pivot);
            int scale = GaloisField.inverse(work[column][column]);
            scaleRow(work[column], scale);
            scaleRow(result[column], scale);
            for (int row = 0; row < size; row++) {
                int factor = work[row][column];
                if (row != column && factor != 0) {
                    subtractScaled(work[row], work[column], factor);
                    subtractScaled(result[row], result[column], factor);
                }
            }
        }
        return new GfMatrix(result);
    }

    private static void swap(int[][] rows, int a, int b) {
        int[] tmp = rows[a];
        rows[a] = rows[b];
        rows[b] = tmp;
    }

    private static void scaleRow(int[] row, int scale) {
        for (int i = 0; i < row.length; i++) {
            row[i] = GaloisField.multiply(row[i], scale);
        }
    }

    private static void subtractScaled(int[] target, int[] source, int factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= GaloisField.multiply(source[i], factor);
        }
    }
}

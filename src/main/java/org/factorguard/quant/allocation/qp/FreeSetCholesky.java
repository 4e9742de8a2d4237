package org.factorguard.quant.allocation.qp;

/**
 * The Cholesky factor L (L·L' = H<sub>FF</sub>) of the Hessian restricted to the free set of an active-set
 * method, kept up to date as variables enter (a new last row, O(f²)) and leave (the row is dropped and the
 * trailing block restored by a rank-one update, O(f²)); see P. E. Gill, G. H. Golub, W. Murray and M. A.
 * Saunders, "Methods for modifying matrix factorizations", Mathematics of Computation 28(126), 1974.
 */
final class FreeSetCholesky {

    private final double[][] rows; // rows[i][0..i] holds L's row i
    private final double[] work;
    private int size;

    FreeSetCholesky(int capacity) {
        rows = new double[Math.max(1, capacity)][];
        work = new double[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    /**
     * Appends a variable whose Hessian column against the current free set is {@code column[0..size)} and whose
     * diagonal entry is {@code diagonal}. Returns false (and changes nothing) when the new pivot is not
     * positive, i.e. the variable is numerically dependent on the free set.
     */
    boolean append(double[] column, double diagonal) {
        double[] r = rows[size];
        if (r == null || r.length < size + 1) {
            r = new double[size + 1 + Math.min(64, size / 2 + 8)];
        }
        double sumSquares = 0;
        for (int i = 0; i < size; i++) {
            double[] li = rows[i];
            double v = (column[i] - CovarianceKernel.dot(li, r, i)) / li[i];
            r[i] = v;
            sumSquares += v * v;
        }
        double pivot = diagonal - sumSquares;
        if (!(pivot > 1e-14 * diagonal)) {
            return false;
        }
        r[size] = Math.sqrt(pivot);
        rows[size] = r;
        size++;
        return true;
    }

    /** Removes the variable at position p (rows below move up by one). */
    void remove(int p) {
        double[] x = work;
        int q = 0;
        double[] removed = rows[p];
        for (int i = p + 1; i < size; i++) {
            double[] row = rows[i];
            x[q++] = row[p];
            System.arraycopy(row, p + 1, row, p, i - p); // drop column p: entries p+1..i move to p..i−1
            rows[i - 1] = row;
        }
        rows[size - 1] = removed;
        size--;
        // the trailing block L33 becomes chol(L33·L33' + x·x')
        for (int k = p; k < size; k++) {
            double[] lk = rows[k];
            double a = lk[k];
            double xk = x[k - p];
            if (xk == 0.0) {
                continue;
            }
            double r = Math.sqrt(a * a + xk * xk);
            double c = r / a;
            double s = xk / a;
            lk[k] = r;
            for (int i = k + 1; i < size; i++) {
                double[] li = rows[i];
                double v = (li[k] + s * x[i - p]) / c;
                li[k] = v;
                x[i - p] = c * x[i - p] - s * v;
            }
        }
    }

    /** x'·L·L'·x = ‖L'x‖². */
    double quadraticForm(double[] x) {
        double sum = 0;
        for (int j = 0; j < size; j++) {
            double v = 0;
            for (int i = j; i < size; i++) {
                v += rows[i][j] * x[i];
            }
            sum += v * v;
        }
        return sum;
    }

    /** Solves L·x = b (x may be b). */
    void solveLower(double[] b, double[] x) {
        for (int i = 0; i < size; i++) {
            double[] li = rows[i];
            x[i] = (b[i] - CovarianceKernel.dot(li, x, i)) / li[i];
        }
    }

    /** Solves L·x = b for a b whose first {@code firstNonZero} entries are zero (x may be b). */
    void solveLower(double[] b, double[] x, int firstNonZero) {
        for (int i = 0; i < Math.min(firstNonZero, size); i++) {
            x[i] = 0.0;
        }
        for (int i = firstNonZero; i < size; i++) {
            double[] li = rows[i];
            double s = b[i];
            for (int j = firstNonZero; j < i; j++) {
                s -= li[j] * x[j];
            }
            x[i] = s / li[i];
        }
    }

    /** Solves L'·x = b (x may be b). */
    void solveUpper(double[] b, double[] x) {
        if (x != b) {
            System.arraycopy(b, 0, x, 0, size);
        }
        for (int i = size - 1; i >= 0; i--) {
            double[] li = rows[i];
            double v = x[i] / li[i];
            x[i] = v;
            for (int j = 0; j < i; j++) {
                x[j] -= li[j] * v;
            }
        }
    }
}

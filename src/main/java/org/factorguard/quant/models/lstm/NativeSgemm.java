package org.factorguard.quant.models.lstm;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Single-precision matrix product {@code C = op(A)·op(B) + beta·C} on row-major {@code float[]}
 * arrays, calling OpenBLAS's {@code cblas_sgemm} directly (the library nd4j-native already ships).
 *
 * <p>Going through ND4J costs 15–35 µs per call and reaches only 22–30 GFLOP/s on the LSTM's
 * per-step shapes; the direct call reaches 60–75 GFLOP/s on one core for the same shapes. OpenBLAS
 * is kept at one thread per call: the trainer parallelises across mini-batch shards instead, which
 * keeps results independent of BLAS threading.
 */
final class NativeSgemm {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    static {
        openblas_nolapack.blas_set_num_threads(1);
    }

    private NativeSgemm() {
    }

    /** Makes sure OpenBLAS runs each call on the calling thread only. */
    static void useSingleThreadedCalls() {
        openblas_nolapack.blas_set_num_threads(1);
    }

    /**
     * {@code C[m×n] = op(A)[m×k] · op(B)[k×n] + beta·C}; all arrays row-major with the given leading
     * dimensions.
     */
    static void multiply(boolean transposeA, boolean transposeB, int m, int n, int k,
                         float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transposeA ? TRANS : NO_TRANS, transposeB ? TRANS : NO_TRANS,
                m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
    }
}

package ai.revo.missioncontrol.sequences;

/**
 * The two-proportion z-test (pooled, two-sided): whether {@code x1} of {@code n1} and {@code x2} of {@code n2} are
 * different rates or the same rate seen twice. {@code pValue} is the chance of a difference at least this large if
 * the rates were the same.
 */
record TwoProportions(double z, double pValue) {

    /** Null when a side has no trials, or when neither or both sides always succeeded (no variance to test). */
    static TwoProportions test(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            return null;
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return null;
        }
        double z = ((double) x1 / n1 - (double) x2 / n2) / se;
        return new TwoProportions(z, Math.min(1.0, erfc(Math.abs(z) / Math.sqrt(2))));
    }

    /**
     * The complementary error function, Chebyshev fit with fractional error below 1.2e-7 everywhere (Numerical
     * Recipes' erfcc): plenty for a p-value compared with 0.05 or 0.01.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double r = t * Math.exp(-z * z + poly);
        return x >= 0 ? r : 2.0 - r;
    }

    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };
}

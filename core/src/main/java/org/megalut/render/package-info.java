/**
 * GalSim-grade rendering of galaxies and PSFs into pixel stamps (plain Java, no Spark).
 *
 * <p><b>Profiles</b> ({@link org.megalut.render.Profile}) are immutable values in world coordinates
 * (arcsec; wave numbers in radians per arcsec) defined by their Fourier transform
 * F(k) = ∫ I(x) e^{−ik·x} d²x, with GalSim's stepK/maxK rules: {@link org.megalut.render.Gaussian},
 * {@link org.megalut.render.Sersic} (also exponential and de Vaucouleurs),
 * {@link org.megalut.render.Kolmogorov}, {@link org.megalut.render.Moffat},
 * {@link org.megalut.render.Airy}, {@link org.megalut.render.OpticalPSF},
 * {@link org.megalut.render.InterpolatedImage}, {@link org.megalut.render.Pixel}, combined by
 * {@link org.megalut.render.Sum} and {@link org.megalut.render.Convolution}, and transformed
 * (shear, rotation, dilation, flux, shift) into one {@link org.megalut.render.Transformation}.
 * The config package's ProfileConfig builds them from GalSim-config-like HOCON/JSON.
 *
 * <p><b>Drawing</b>: {@link org.megalut.render.StampDrawer} follows GalSim's drawImage recipe exactly
 * (centre at the stamp's true centre + offset, FFT geometry, inclusive k-grid, folding, pixel
 * response), reusing FFT plans, buffers and the PSF's k-values between stamps (one k-grid per FFT
 * geometry, the last few kept, so galaxies of alternating sizes do not re-evaluate the PSF); one
 * drawer per thread. The Sérsic n-grid node tables ship precomputed ({@code sersic-nodes.bin.gz},
 * bit-identical to the quadrature), so a fresh JVM draws its first interpolated Sérsic at once.
 *
 * <p><b>Accuracy against GalSim 2.8.4</b> (shared/oracle/galsim, tested in {@code GalSimOracleTest}):
 * all 360 Sérsic ⊗ PSF stamps (n 0.5–4, Kolmogorov and Moffat PSFs) agree to 3.4e-6 of the peak
 * pixel, with identical FFT sizes N and Nk; GalSim's own Sérsic table is accurate to about 1e-5, and
 * ours to about 1e-7. The 24 PSF-only stamps, including the optical PSFs, agree to 2e-9 (1e-13 for
 * the optical ones).
 *
 * <p><b>Speed.</b> A draw is the k-grid fill (a cubic per point from a table on octaves of
 * (k·hlr)², {@link org.megalut.render.OctaveTable}), the product with the PSF and the fold, and the
 * inverse FFT ({@link org.megalut.render.StampInverseFft}: 65 column transforms of 128 points and
 * the 48 stamp rows, for most stamps); each is written as loops the JIT vectorises. The FFTs are
 * {@link org.megalut.render.BatchedFft}s that transform many sequences at once; they also handle
 * the 3·2^a sizes (192, 384) that GalSim picks for large or concentrated galaxies, where
 * JTransforms' mixed-radix path is markedly slower per point.
 * A Sérsic of fixed n draws from its table's shared lookup with no per-stamp table work; an n that
 * changes every stamp costs an n-interpolated table and the combination of its node lookups over the
 * stamp's octaves, both small beside the FFT. Throughput is measured by {@code bench.StampThroughput}
 * (stamps per CPU-second of the drawing thread), {@code bench.SersicStampBenchmark} (its JMH version)
 * and {@code sim.great3.bench.SubfieldTiming} (a full GREAT3 ground subfield); their latest results
 * are recorded in BENCHMARKS.md at the top of the repository.
 */
package org.megalut.render;

package org.megalut.ml.committee;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;

/** Minimal reader of numpy 1.0 .npy files: little-endian float64 or int64, C order. */
record Npy(int[] shape, double[] values) {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static Npy read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int headerLen = buf.getShort(8) & 0xffff;
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": unsupported header " + header);
        }
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        int off = 10 + headerLen;
        switch (d.group(1)) {
            case "<f8" -> {
                for (int i = 0; i < n; i++) {
                    v[i] = buf.getDouble(off + 8 * i);
                }
            }
            case "<i8" -> {
                for (int i = 0; i < n; i++) {
                    v[i] = buf.getLong(off + 8 * i);
                }
            }
            default -> throw new IOException(file + ": unsupported dtype " + d.group(1));
        }
        return new Npy(shape, v);
    }

    int[] ints() {
        return Arrays.stream(values).mapToInt(x -> (int) x).toArray();
    }

    Tensor3 tensor3() {
        return new Tensor3(shape[0], shape[1], shape[2], values.clone());
    }

    Tensor2 tensor2() {
        return new Tensor2(shape[0], shape[1], values.clone());
    }

    /** Row k of a 2-D int array. */
    int[] row(int k) {
        int[] all = ints();
        return Arrays.copyOfRange(all, k * shape[1], (k + 1) * shape[1]);
    }
}

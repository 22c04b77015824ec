package io.fashionrec.image.classic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads a golden file of numbers written by the Python reference: one a line, '#' lines are comments. */
final class GoldenValues {

    private GoldenValues() {
    }

    static double[] read(String resource) {
        try (InputStream in = Objects.requireNonNull(GoldenValues.class.getResourceAsStream(resource), resource);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return lines.lines().filter(line -> !line.startsWith("#")).mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

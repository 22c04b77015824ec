package io.fashionrec.recommend;

import io.fashionrec.feature.SparseVector;

/**
 * A query in the fused space: its text vector and one L2-normalised vector per dense segment
 * (null where the query lacks the segment), with the matching presence mask.
 */
record QueryVectors(SparseVector text, float[][] dense, int mask) {
}

package dev.autohair.pipeline.matting.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    @Test
    void findsTheSameNeighboursAsBruteForce() {
        Random random = new Random(3);
        int m = 3000;
        int dim = 5;
        float[] points = new float[m * dim];
        for (int i = 0; i < points.length; i++) {
            // a few duplicated values, as flat image regions produce
            points[i] = random.nextInt(4) == 0 ? 0.5f : random.nextFloat();
        }
        KdTree tree = new KdTree(points, dim);
        KdTree.Query query = new KdTree.Query(12);
        for (int t = 0; t < 200; t++) {
            int self = random.nextInt(m);

            tree.nearest(points, self * dim, 12, self, query);

            float[] expected = new float[m - 1];
            int e = 0;
            for (int i = 0; i < m; i++) {
                if (i != self) {
                    expected[e++] = distance(points, self, i, dim);
                }
            }
            Arrays.sort(expected);
            float[] got = new float[query.count()];
            for (int j = 0; j < got.length; j++) {
                assertThat(query.found[j]).isNotEqualTo(self);
                got[j] = distance(points, self, query.found[j], dim);
                assertThat(query.distance[j]).isEqualTo(got[j]);
            }
            Arrays.sort(got);
            assertThat(got).containsExactly(Arrays.copyOf(expected, 12));
        }
    }

    /**
     * Queries in image order, as the flows make them, so each search is bounded by the previous
     * one's neighbours: still the exact k nearest, with and without the query's own point, and
     * with one query object moving between two trees.
     */
    @Test
    void queriesInImageOrderFindTheSameNeighboursAsBruteForce() {
        Random random = new Random(5);
        int side = 60;
        int m = side * side;
        int dim = 5;
        float[] image = new float[m * dim];
        for (int p = 0; p < m; p++) {
            // flat patches with a little noise and exact duplicates, positions on a grid
            boolean flat = (p / side / 10 + p % side / 10) % 2 == 0;
            for (int c = 0; c < 3; c++) {
                image[p * dim + c] = flat ? 0.25f * c : random.nextFloat();
            }
            image[p * dim + 3] = 10f * (p % side) / side;
            image[p * dim + 4] = 10f * (p / side) / side;
        }
        float[] odd = java.util.Arrays.copyOf(image, m * dim);
        for (int i = 0; i < odd.length; i += dim) {
            odd[i] += 0.3f;
        }
        KdTree tree = new KdTree(image, dim);
        KdTree other = new KdTree(odd, dim);
        KdTree.Query query = new KdTree.Query(9);
        for (int p = 0; p < m; p++) {
            int exclude = p % 3 == 0 ? -1 : p;
            int k = p % 5 == 0 ? 4 : 9;
            KdTree searched = p % 7 == 0 ? other : tree;
            float[] points = searched == tree ? image : odd;

            searched.nearest(image, p * dim, k, exclude, query);

            float[] expected = new float[m];
            int e = 0;
            for (int i = 0; i < m; i++) {
                if (i != exclude) {
                    expected[e++] = distance(image, p, points, i, dim);
                }
            }
            float[] nearest = Arrays.copyOf(expected, e);
            Arrays.sort(nearest);
            float[] got = new float[query.count()];
            for (int j = 0; j < got.length; j++) {
                assertThat(query.found[j]).isNotEqualTo(exclude);
                got[j] = distance(image, p, points, query.found[j], dim);
            }
            Arrays.sort(got);
            assertThat(got).as("query %d", p).containsExactly(Arrays.copyOf(nearest, k));
        }
    }

    @Test
    void returnsEveryPointWhenThereAreFewerThanK() {
        float[] points = {0, 0, 1, 1, 2, 2};
        KdTree tree = new KdTree(points, 2);
        KdTree.Query query = new KdTree.Query(5);

        tree.nearest(new float[] {0.1f, 0.1f}, 0, 5, -1, query);

        assertThat(query.count()).isEqualTo(3);
    }

    private static float distance(float[] queries, int a, float[] points, int b, int dim) {
        float s = 0;
        for (int d = 0; d < dim; d++) {
            float t = queries[a * dim + d] - points[b * dim + d];
            s += t * t;
        }
        return s;
    }

    private static float distance(float[] p, int a, int b, int dim) {
        float s = 0;
        for (int d = 0; d < dim; d++) {
            float t = p[a * dim + d] - p[b * dim + d];
            s += t * t;
        }
        return s;
    }
}

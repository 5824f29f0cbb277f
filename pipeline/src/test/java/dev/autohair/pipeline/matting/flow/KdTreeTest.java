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

    @Test
    void returnsEveryPointWhenThereAreFewerThanK() {
        float[] points = {0, 0, 1, 1, 2, 2};
        KdTree tree = new KdTree(points, 2);
        KdTree.Query query = new KdTree.Query(5);

        tree.nearest(new float[] {0.1f, 0.1f}, 0, 5, -1, query);

        assertThat(query.count()).isEqualTo(3);
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

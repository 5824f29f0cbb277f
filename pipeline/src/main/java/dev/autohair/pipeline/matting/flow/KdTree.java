package dev.autohair.pipeline.matting.flow;

/**
 * Exact k-nearest-neighbour search in a low-dimensional feature space (Euclidean distance), as
 * an implicit k-d tree: the points are reordered so that every range [lo, hi) of the array is a
 * subtree whose median element splits it along the axis of widest spread. Building is
 * O(m log m), a query about O(log m) for the small k used here; read-only once built, so
 * queries may run concurrently, each with its own {@link Query}.
 */
final class KdTree {

    private static final int LEAF = 8;

    private final int dim;
    private final int size;
    /** Point coordinates in tree order, dim per point. */
    private final float[] points;
    /** Caller's id of each point in tree order. */
    private final int[] ids;
    /** Split axis of the subtree whose median sits at this position (unused in leaves). */
    private final byte[] axis;
    /** Tree position of each id, to measure a query against the previous query's neighbours. */
    private final int[] position;

    /**
     * @param coordinates dim floats per point; point i gets id i
     */
    KdTree(float[] coordinates, int dim) {
        if (dim < 1 || dim > 127 || coordinates.length % dim != 0) {
            throw new IllegalArgumentException("coordinates must hold whole points of dimension " + dim);
        }
        this.dim = dim;
        this.size = coordinates.length / dim;
        this.points = coordinates.clone();
        this.ids = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        this.axis = new byte[size];
        build(0, size);
        this.position = new int[size];
        for (int i = 0; i < size; i++) {
            position[ids[i]] = i;
        }
    }

    int size() {
        return size;
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        int a = widestAxis(lo, hi);
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, a);
        axis[mid] = (byte) a;
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widestAxis(int lo, int hi) {
        int best = 0;
        float bestSpread = -1;
        for (int d = 0; d < dim; d++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                float v = points[i * dim + d];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = d;
            }
        }
        return best;
    }

    /** Quickselect: afterwards position k holds the element of rank k along axis a within [lo, hi]. */
    private void select(int lo, int hi, int k, int a) {
        while (hi > lo) {
            float pivot = points[((lo + hi) >>> 1) * dim + a];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[i * dim + a] < pivot) {
                    i++;
                }
                while (points[j * dim + a] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void swap(int i, int j) {
        for (int d = 0; d < dim; d++) {
            float t = points[i * dim + d];
            points[i * dim + d] = points[j * dim + d];
            points[j * dim + d] = t;
        }
        int t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
    }

    /**
     * Per-thread search state: the k best so far, as a max-heap on squared distance. It keeps the
     * last search's neighbours to bound the next search in the same tree.
     */
    static final class Query {
        final int[] found;
        final float[] distance;
        private int count;
        private int k;
        private int exclude;
        /** While fewer than k are found, only points within this squared distance can be among them. */
        private double bound;
        private KdTree lastTree;
        private float[] q;
        private int qOffset;
        /** Per axis, the query's offset from the current cell (0 when inside it along that axis). */
        private final double[] offset = new double[128];

        Query(int capacity) {
            found = new int[capacity];
            distance = new float[capacity];
        }

        /** Number of neighbours found by the last search. */
        int count() {
            return count;
        }
    }

    /**
     * Finds the (at most) k points nearest to the point at {@code q[offset..offset+dim)}, skipping
     * the point whose id is {@code exclude} (-1 for none). Afterwards {@code query.found[0..count)}
     * holds their ids and {@code query.distance} their squared distances, in no particular order.
     *
     * <p>Queries made in image order ask about neighbouring pixels, whose neighbours are mostly the
     * same: the previous search's k neighbours, measured against this query, bound how far this
     * one's k-th can be, and the search skips every cell beyond that from the start (exact: the
     * bound holds k points). Among points tied at the k-th distance, which are returned may differ.
     */
    void nearest(float[] q, int offset, int k, int exclude, Query query) {
        int wanted = Math.min(k, query.found.length);
        query.bound = boundFromLast(q, offset, wanted, exclude, query);
        query.lastTree = this;
        query.count = 0;
        query.k = wanted;
        query.exclude = exclude;
        query.q = q;
        query.qOffset = offset;
        if (query.k > 0) {
            java.util.Arrays.fill(query.offset, 0);
            search(0, size, 0, query);
        }
    }

    /** The largest distance from this query to the last search's k neighbours, or infinity. */
    private double boundFromLast(float[] q, int offset, int k, int exclude, Query query) {
        if (query.lastTree != this || query.count < k || k == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int j = 0; j < k; j++) {
            int id = query.found[j];
            if (id == exclude) {
                return Double.POSITIVE_INFINITY; // only k - 1 candidates left
            }
            int o = position[id] * dim;
            float d2 = 0;
            for (int d = 0; d < dim; d++) {
                float t = q[offset + d] - points[o + d];
                d2 += t * t;
            }
            worst = Math.max(worst, d2);
        }
        // widened by far more than float rounding, so that a cell's box distance, summed in
        // double, can never exceed the float distance of a candidate inside it
        return worst * (1 + 1e-4) + 1e-12;
    }

    /**
     * Searches [lo, hi); {@code boxDistance} is the squared distance from the query to the
     * subtree's cell, summed from the per-axis offsets in {@code query.offset} (Arya and Mount's
     * incremental distance), so far cells are pruned even when one split plane alone is near.
     */
    private void search(int lo, int hi, double boxDistance, Query query) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                consider(i, query);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int a = axis[mid];
        float diff = query.q[query.qOffset + a] - points[mid * dim + a];
        consider(mid, query);
        int nearLo = diff < 0 ? lo : mid + 1;
        int nearHi = diff < 0 ? mid : hi;
        int farLo = diff < 0 ? mid + 1 : lo;
        int farHi = diff < 0 ? hi : mid;
        search(nearLo, nearHi, boxDistance, query);
        double old = query.offset[a];
        double farDistance = boxDistance - old * old + (double) diff * diff;
        if (query.count < query.k ? farDistance <= query.bound : farDistance < query.distance[0]) {
            query.offset[a] = diff;
            search(farLo, farHi, farDistance, query);
            query.offset[a] = old;
        }
    }

    private void consider(int i, Query query) {
        if (ids[i] == query.exclude) {
            return;
        }
        float d2 = 0;
        int o = i * dim;
        for (int d = 0; d < dim; d++) {
            float t = query.q[query.qOffset + d] - points[o + d];
            d2 += t * t;
        }
        if (query.count < query.k) {
            if (d2 > query.bound) {
                return;
            }
            siftUp(query, query.count++, ids[i], d2);
        } else if (d2 < query.distance[0]) {
            siftDown(query, ids[i], d2);
        }
    }

    private static void siftUp(Query h, int slot, int id, float d2) {
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (h.distance[parent] >= d2) {
                break;
            }
            h.found[slot] = h.found[parent];
            h.distance[slot] = h.distance[parent];
            slot = parent;
        }
        h.found[slot] = id;
        h.distance[slot] = d2;
    }

    /** Replaces the root (the farthest so far) and restores the heap. */
    private static void siftDown(Query h, int id, float d2) {
        int n = h.count;
        int slot = 0;
        while (true) {
            int child = 2 * slot + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && h.distance[child + 1] > h.distance[child]) {
                child++;
            }
            if (h.distance[child] <= d2) {
                break;
            }
            h.found[slot] = h.found[child];
            h.distance[slot] = h.distance[child];
            slot = child;
        }
        h.found[slot] = id;
        h.distance[slot] = d2;
    }
}

package dev.autohair.models.frozen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Writes a small frozen GraphDef with DeepLab v3+'s published contract: {@code ImageTensor:0}
 * uint8 [1, H, W, 3] in, {@code SemanticPredictions:0} int64 [1, H, W] PASCAL VOC class indices
 * out. The "network" is colour thresholds: strong red → person (15), strong blue → cat (8),
 * anything else → background (0).
 */
public final class ColourClassGraph {

    public static final int PERSON = 15;
    public static final int CAT = 8;

    private ColourClassGraph() {
    }

    public static Path write(Path file) throws IOException {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TUint8> image = tf.withName("ImageTensor")
                    .placeholder(TUint8.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
            Operand<TInt32> pixels = tf.dtypes.cast(image, TInt32.class);
            var channels = tf.unstack(pixels, 3L, org.tensorflow.op.core.Unstack.axis(3L));
            Operand<TInt32> r = channels.output().get(0);
            Operand<TInt32> g = channels.output().get(1);
            Operand<TInt32> b = channels.output().get(2);
            Operand<TBool> red = and(tf, tf.math.greater(r, tf.constant(150)),
                    and(tf, tf.math.less(g, tf.constant(100)), tf.math.less(b, tf.constant(100))));
            Operand<TBool> blue = and(tf, tf.math.greater(b, tf.constant(150)),
                    and(tf, tf.math.less(r, tf.constant(100)), tf.math.less(g, tf.constant(100))));
            Operand<TInt32> classes = tf.math.add(
                    tf.math.mul(tf.dtypes.cast(red, TInt32.class), tf.constant(PERSON)),
                    tf.math.mul(tf.dtypes.cast(blue, TInt32.class), tf.constant(CAT)));
            tf.withName("SemanticPredictions").dtypes.cast(classes, TInt64.class);
            Files.write(file, graph.toGraphDef().toByteArray());
        }
        return file;
    }

    private static Operand<TBool> and(Ops tf, Operand<TBool> a, Operand<TBool> b) {
        return tf.math.logicalAnd(a, b);
    }
}

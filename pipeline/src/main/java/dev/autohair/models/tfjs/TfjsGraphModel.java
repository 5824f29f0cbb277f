package dev.autohair.models.tfjs;

import java.util.List;
import java.util.Map;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.TensorProto;

/**
 * A TF.js graph model as read from disk: the topology (weights not yet filled in), the decoded
 * weights by Const node name, and the tensor names its {@code signature} block declares (empty when
 * the file has none).
 */
record TfjsGraphModel(GraphDef graph, Map<String, TensorProto> weights, List<String> signatureInputs,
        List<String> signatureOutputs) {
}

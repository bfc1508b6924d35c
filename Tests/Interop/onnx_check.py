"""Checks ONNX files exported by `dive export` with ONNX's checker and runs them with ONNX Runtime.

    onnx_check.py MODEL.onnx [MODEL.onnx ...] --test-images F [--count N]
        For each model: onnx.checker.check_model (full check, with shape inference) must pass;
        ONNX Runtime runs the first N test images (default 1000) in batches of 256, and the
        first image alone (a batch of 1). Prints one JSON object: the packages' versions, and per
        model its IR and opset versions, input and output names and shapes, metadata_props, the
        logits (or probabilities) of the N images and those of the batch of 1.
    onnx_check.py --available
        Exits 0 when onnx and onnxruntime import, else prints what is missing and exits 1.
"""
import argparse
import json
import sys

try:
    import onnx
    import onnxruntime
except ImportError as error:
    onnx = onnxruntime = None
    missing = str(error)

from interop import images_as_inputs, read_idx

BATCH = 256


def dimension(dim):
    return dim.dim_param if dim.HasField("dim_param") else dim.dim_value


def shape_of(value):
    return [dimension(dim) for dim in value.type.tensor_type.shape.dim]


def check(path, images):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    inputs = images.reshape(len(images), 1, 28, 28)
    outputs = [session.run(None, {input_name: inputs[start:start + BATCH]})[0]
               for start in range(0, len(inputs), BATCH)]
    single = session.run(None, {input_name: inputs[:1]})[0]
    graph = model.graph
    return {
        "ir_version": model.ir_version,
        "opsets": {entry.domain or "ai.onnx": entry.version for entry in model.opset_import},
        "inputs": [{"name": value.name, "shape": shape_of(value)} for value in graph.input],
        "outputs": [{"name": value.name, "shape": shape_of(value)} for value in graph.output],
        "operators": [node.op_type for node in graph.node],
        "metadata": {entry.key: entry.value for entry in model.metadata_props},
        "batch_sizes": [len(output) for output in outputs],
        "values": [row for output in outputs for row in output.astype(float).tolist()],
        "single": single.astype(float).tolist(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*")
    parser.add_argument("--test-images")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--available", action="store_true")
    args = parser.parse_args()
    if onnx is None:
        print(f"onnx or onnxruntime is not installed: {missing}", file=sys.stderr)
        sys.exit(1)
    if args.available:
        return
    images = images_as_inputs(read_idx(args.test_images)[:args.count])
    json.dump({"onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__,
               "models": {path: check(path, images) for path in args.models}}, sys.stdout)


if __name__ == "__main__":
    main()

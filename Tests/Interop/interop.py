"""Writes and reads safetensors checkpoints with the real Python packages, for Dive's interop tests.

    interop.py write OUT_DIR --train-images F --train-labels F --test-images F --test-labels F
        Writes the book's MLP (Flatten, Linear(784, 256), ReLU, Linear(256, 10)) as PyTorch's
        state_dict in several files, and OUT_DIR/manifest.json describing each: its dtype, the
        test accuracy and the logits of the first test images that the stored weights give.
    interop.py read CHECKPOINT --test-images F --test-labels F
        Loads a checkpoint written by Dive into the same architecture and prints the test
        accuracy and the logits of the first test images as JSON.

With torch installed, the model is trained with PyTorch and loaded with load_state_dict;
without it, the weights are random and the forward pass is computed with numpy.
"""
import argparse
import gzip
import json
import os
import struct
import sys

import numpy as np
import safetensors
import safetensors.numpy

try:
    import torch
    import safetensors.torch
except ImportError:
    torch = None

LOGIT_ROWS = 1000


def read_idx(path):
    """The array in an IDX file (gzipped or not), as uint8."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    rank = data[3]
    shape = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def images_as_inputs(images):
    return images.reshape(len(images), -1).astype(np.float32) / 255


def numpy_logits(state, inputs):
    """The MLP's logits with float32 numpy arithmetic."""
    hidden = np.maximum(inputs @ state["1.weight"].T + state["1.bias"], 0)
    return hidden @ state["3.weight"].T + state["3.bias"]


def torch_model():
    return torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 256), torch.nn.ReLU(),
                               torch.nn.Linear(256, 10))


def torch_logits(state, inputs):
    """The MLP's logits with PyTorch, after load_state_dict (strict) of float32 weights."""
    model = torch_model()
    model.load_state_dict({name: torch.from_numpy(np.ascontiguousarray(value)) for name, value in state.items()})
    model.eval()
    with torch.no_grad():
        return model(torch.from_numpy(inputs)).numpy()


def logits_of(state, inputs):
    state = {name: np.asarray(value, dtype=np.float32) for name, value in state.items()}
    return torch_logits(state, inputs) if torch is not None else numpy_logits(state, inputs)


def trained_state(train_images, train_labels):
    """The MLP trained by PyTorch for one epoch on 10 000 training images (SGD, lr 0.1)."""
    torch.manual_seed(0)
    model = torch_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    inputs = torch.from_numpy(images_as_inputs(train_images[:10000]))
    labels = torch.from_numpy(train_labels[:10000].astype(np.int64))
    for start in range(0, len(inputs), 256):
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(inputs[start:start + 256]), labels[start:start + 256])
        loss.backward()
        optimizer.step()
    return {name: tensor.detach().numpy().copy() for name, tensor in model.state_dict().items()}


def random_state():
    """Random MLP weights in PyTorch's default ranges, for when torch is not installed."""
    generator = np.random.default_rng(0)
    state = {}
    for index, (inputs, outputs) in [(1, (784, 256)), (3, (256, 10))]:
        bound = 1 / np.sqrt(inputs)
        state[f"{index}.weight"] = generator.uniform(-bound, bound, (outputs, inputs)).astype(np.float32)
        state[f"{index}.bias"] = generator.uniform(-bound, bound, outputs).astype(np.float32)
    return state


def to_bfloat16_bits(array):
    """float32 values rounded to bfloat16, as their 16 bits (round to nearest even)."""
    bits = np.ascontiguousarray(array, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def bfloat16_bits_to_float32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def save_bfloat16_with_numpy(state, path):
    """Writes BF16 tensors without torch: safetensors.numpy writes them as U16, then the header's
    dtype is changed to BF16 (the bytes are the same)."""
    safetensors.numpy.save_file({name: to_bfloat16_bits(value) for name, value in state.items()}, path)
    with open(path, "rb") as f:
        data = f.read()
    length = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + length])
    for name, entry in header.items():
        if name != "__metadata__":
            entry["dtype"] = "BF16"
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data[8 + length:])


def write(args):
    os.makedirs(args.out_dir, exist_ok=True)
    test_inputs = images_as_inputs(read_idx(args.test_images))
    test_labels = read_idx(args.test_labels).astype(np.int64)
    state = trained_state(read_idx(args.train_images), read_idx(args.train_labels)) if torch else random_state()
    entries = []

    def record(name, dtype, writer, stored_state):
        path = os.path.join(args.out_dir, name)
        writer(path)
        logits = logits_of(stored_state, test_inputs)
        entries.append({"file": path, "dtype": dtype, "writer": "torch" if name.startswith("torch") else "numpy",
                        "test_acc": float((logits.argmax(1) == test_labels).mean()),
                        "logits": logits[:LOGIT_ROWS].astype(float).tolist()})

    half = {name: value.astype(np.float16) for name, value in state.items()}
    double = {name: value.astype(np.float64) for name, value in state.items()}
    brain = {name: bfloat16_bits_to_float32(to_bfloat16_bits(value)) for name, value in state.items()}
    if torch is not None:
        tensors = {name: torch.from_numpy(value) for name, value in state.items()}
        record("torch-f32.safetensors", "F32", lambda p: safetensors.torch.save_file(tensors, p), state)
        record("torch-f16.safetensors", "F16", lambda p: safetensors.torch.save_file(
            {n: t.half() for n, t in tensors.items()}, p), half)
        record("torch-bf16.safetensors", "BF16", lambda p: safetensors.torch.save_file(
            {n: t.bfloat16() for n, t in tensors.items()}, p),
            {n: t.bfloat16().float().numpy() for n, t in tensors.items()})
        record("torch-f64.safetensors", "F64", lambda p: safetensors.torch.save_file(
            {n: t.double() for n, t in tensors.items()}, p), double)
    record("numpy-f32.safetensors", "F32", lambda p: safetensors.numpy.save_file(state, p), state)
    record("numpy-f16.safetensors", "F16", lambda p: safetensors.numpy.save_file(half, p), half)
    record("numpy-bf16.safetensors", "BF16", lambda p: save_bfloat16_with_numpy(state, p), brain)
    record("numpy-f64.safetensors", "F64", lambda p: safetensors.numpy.save_file(double, p), double)
    integer_path = os.path.join(args.out_dir, "numpy-i64.safetensors")
    safetensors.numpy.save_file({name: np.round(value * 100).astype(np.int64) for name, value in state.items()},
                                integer_path)
    manifest = {"numpy": np.__version__, "safetensors": safetensors.__version__,
                "torch": torch.__version__ if torch is not None else None,
                "integer_checkpoint": integer_path, "checkpoints": entries}
    with open(os.path.join(args.out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f)


def read(args):
    test_inputs = images_as_inputs(read_idx(args.test_images))
    test_labels = read_idx(args.test_labels).astype(np.int64)
    if torch is not None:
        model = torch_model()
        model.load_state_dict(safetensors.torch.load_file(args.checkpoint))   # strict: names and shapes
        model.eval()
        with torch.no_grad():
            logits = model(torch.from_numpy(test_inputs)).numpy()
    else:
        logits = numpy_logits(safetensors.numpy.load_file(args.checkpoint), test_inputs)
    json.dump({"test_acc": float((logits.argmax(1) == test_labels).mean()),
               "logits": logits[:LOGIT_ROWS].astype(float).tolist(),
               "reader": "torch" if torch is not None else "numpy"}, sys.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    writer = commands.add_parser("write")
    writer.add_argument("out_dir")
    reader = commands.add_parser("read")
    reader.add_argument("checkpoint")
    for command, splits in [(writer, ["train", "test"]), (reader, ["test"])]:
        for split in splits:
            command.add_argument(f"--{split}-images", required=True)
            command.add_argument(f"--{split}-labels", required=True)
    args = parser.parse_args()
    write(args) if args.command == "write" else read(args)


if __name__ == "__main__":
    main()

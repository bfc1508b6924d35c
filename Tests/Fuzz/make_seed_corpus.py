"""Writes the fuzzers' seed corpus: small valid and malformed IDX and safetensors files.

Run from this folder with `python3 make_seed_corpus.py`; the files go to corpus/idx and
corpus/safetensors. Uses the standard library only. Inputs found by fuzzing are added to the
same folders by hand and are not rewritten here.
"""
import gzip
import json
import os
import struct


def write(folder, name, data):
    os.makedirs(os.path.join("corpus", folder), exist_ok=True)
    with open(os.path.join("corpus", folder, name), "wb") as f:
        f.write(data)


def idx(dimensions, payload, magic=None):
    magic = magic if magic is not None else 0x00000800 | len(dimensions)
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dimensions) + payload


def idx_corpus():
    images = idx([2, 3, 3], bytes(range(18)))
    labels = idx([2], bytes([0, 9]))
    write("idx", "images-valid", images)
    write("idx", "labels-valid", labels)
    write("idx", "images-valid-gzip", gzip.compress(images, mtime=0))
    write("idx", "labels-valid-gzip", gzip.compress(labels, mtime=0))
    write("idx", "images-empty", idx([0, 28, 28], b""))
    write("idx", "images-truncated-header", images[:9])
    write("idx", "images-truncated-payload", images[:-5])
    write("idx", "images-extra-payload", images + b"\x00")
    write("idx", "images-wrong-magic", idx([2, 3, 3], bytes(18), magic=0x00000903))
    write("idx", "images-element-type-int", idx([2, 3, 3], bytes(18), magic=0x00000C03))
    write("idx", "images-huge-dimensions", idx([0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF], b""))
    write("idx", "gzip-truncated", gzip.compress(images, mtime=0)[:-12])
    write("idx", "gzip-twice", gzip.compress(gzip.compress(labels, mtime=0), mtime=0))
    write("idx", "gzip-corrupt", gzip.compress(images, mtime=0)[:12] + b"\xff" * 8)
    write("idx", "empty", b"")


def safetensors(entries, data, metadata=None, raw_header=None):
    header = {name: value for name, value in entries.items()}
    if metadata is not None:
        header["__metadata__"] = metadata
    text = raw_header if raw_header is not None else json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


def entry(dtype, shape, begin, end):
    return {"dtype": dtype, "shape": shape, "data_offsets": [begin, end]}


def safetensors_corpus():
    f32 = struct.pack("<4f", 1, -2, 0.5, 3)
    write("safetensors", "f32-valid", safetensors({"weight": entry("F32", [2, 2], 0, 16)}, f32,
                                                  metadata={"format": "pt"}))
    write("safetensors", "two-tensors", safetensors(
        {"1.weight": entry("F32", [1, 2], 0, 8), "1.bias": entry("F32", [2], 8, 16)}, f32))
    write("safetensors", "f16-valid", safetensors({"w": entry("F16", [3], 0, 6)}, struct.pack("<3e", 1, -0.5, 65504)))
    write("safetensors", "bf16-valid", safetensors({"w": entry("BF16", [2], 0, 4)}, b"\x80\x3f\x00\xc0"))
    write("safetensors", "f64-valid", safetensors({"w": entry("F64", [2], 0, 16)}, struct.pack("<2d", 1e-3, -7)))
    write("safetensors", "scalar-and-empty", safetensors(
        {"s": entry("F32", [], 0, 4), "e": entry("F32", [0, 5], 4, 4)}, struct.pack("<f", 2)))
    write("safetensors", "int-dtype", safetensors({"w": entry("I64", [2], 0, 16)}, struct.pack("<2q", 1, 2)))
    write("safetensors", "unknown-dtype", safetensors({"w": entry("F128", [1], 0, 16)}, bytes(16)))
    write("safetensors", "overlapping", safetensors(
        {"a": entry("F32", [2], 0, 8), "b": entry("F32", [2], 4, 12)}, bytes(12)))
    write("safetensors", "out-of-range", safetensors({"a": entry("F32", [4], 0, 16)}, bytes(8)))
    write("safetensors", "length-mismatch", safetensors({"a": entry("F32", [3], 0, 16)}, bytes(16)))
    write("safetensors", "uncovered-bytes", safetensors({"a": entry("F32", [2], 0, 8)}, bytes(12)))
    write("safetensors", "invalid-json", safetensors({}, b"", raw_header=b'{"a": [1, 2'))
    write("safetensors", "header-past-end", struct.pack("<Q", 4096) + b"{}")
    write("safetensors", "header-huge", struct.pack("<Q", 2**63) + b"{}")
    write("safetensors", "metadata-not-strings", safetensors({}, b"", metadata={"epoch": 3}))
    write("safetensors", "shape-overflow", safetensors({"a": entry("F32", [2**62, 2**62], 0, 0)}, b""))
    write("safetensors", "too-short", b"\x02\x00\x00")


if __name__ == "__main__":
    idx_corpus()
    safetensors_corpus()

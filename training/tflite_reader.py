"""Reads the parts of a TensorFlow Lite model (a FlatBuffer, schema
tensorflow/lite/schema/schema.fbs) that a convolutional network needs: the
first subgraph's tensors (name, shape, type, constant data), its operators
(builtin code, inputs, outputs, options) and its inputs and outputs. Written
for convert_objectron.py: Debian packages nothing that reads TFLite, and only
these few tables are needed.

FlatBuffers in brief: a table starts with a signed offset back to its vtable,
whose uint16 entries give each field's offset in the table (0 or past the end:
the field is absent and takes its default); vectors and sub-tables are
reached through uint32 offsets relative to where the offset is stored.
"""
import struct

import numpy as np

# BuiltinOperator codes this reader names; the others are kept as numbers.
OPERATORS = {0: "ADD", 2: "CONCATENATION", 3: "CONV_2D", 4: "DEPTHWISE_CONV_2D", 6: "DEQUANTIZE", 22: "RESHAPE"}
TENSOR_TYPES = {0: np.float32, 1: np.float16, 2: np.int32, 3: np.uint8, 4: np.int64, 9: np.int8}
# Options tables by BuiltinOptions union type: (field name, struct format, default), in schema order.
OPTIONS = {
    1: [("padding", "b", 0), ("stride_w", "i", 0), ("stride_h", "i", 0), ("fused_activation_function", "b", 0), ("dilation_w_factor", "i", 1), ("dilation_h_factor", "i", 1)],
    2: [("padding", "b", 0), ("stride_w", "i", 0), ("stride_h", "i", 0), ("depth_multiplier", "i", 0), ("fused_activation_function", "b", 0), ("dilation_w_factor", "i", 1), ("dilation_h_factor", "i", 1)],
    11: [("fused_activation_function", "b", 0)],
}


class Table:
    def __init__(self, data, pos):
        self.data, self.pos = data, pos
        self.vtable = pos - struct.unpack_from("<i", data, pos)[0]
        self.vtable_size = struct.unpack_from("<H", data, self.vtable)[0]

    def field(self, index):
        """The field's absolute position, or None when it is absent."""
        at = 4 + 2 * index
        offset = struct.unpack_from("<H", self.data, self.vtable + at)[0] if at < self.vtable_size else 0
        return self.pos + offset if offset else None

    def scalar(self, index, fmt, default=0):
        at = self.field(index)
        return struct.unpack_from("<" + fmt, self.data, at)[0] if at is not None else default

    def _indirect(self, at):
        return at + struct.unpack_from("<I", self.data, at)[0]

    def table(self, index):
        at = self.field(index)
        return Table(self.data, self._indirect(at)) if at is not None else None

    def vector(self, index):
        """(position of the first element, length), or (None, 0)."""
        at = self.field(index)
        if at is None:
            return None, 0
        start = self._indirect(at)
        return start + 4, struct.unpack_from("<I", self.data, start)[0]

    def tables(self, index):
        start, n = self.vector(index)
        return [Table(self.data, self._indirect(start + 4 * k)) for k in range(n)]

    def ints(self, index):
        start, n = self.vector(index)
        return list(struct.unpack_from(f"<{n}i", self.data, start)) if n else []

    def bytes(self, index):
        start, n = self.vector(index)
        return self.data[start : start + n] if n else b""

    def string(self, index):
        return self.bytes(index).decode()


def read_tflite(data):
    model = Table(data, struct.unpack_from("<I", data, 0)[0])
    if data[4:8] != b"TFL3":
        raise ValueError("not a TFLite model (no TFL3 identifier)")
    # OperatorCode: deprecated_builtin_code (byte, 0), builtin_code (int, 3): the larger of the two.
    codes = [max(c.scalar(0, "b"), c.scalar(3, "i")) for c in model.tables(1)]
    buffers = [b.bytes(0) for b in model.tables(4)]  # Buffer: data (0); models over 2 GB use offset/size instead
    subgraph = model.tables(2)[0]
    tensors = []
    for t in subgraph.tables(0):  # Tensor: shape (0), type (1), buffer (2), name (3)
        shape, dtype, raw = t.ints(0), TENSOR_TYPES[t.scalar(1, "b")], buffers[t.scalar(2, "I")]
        data_array = np.frombuffer(raw, dtype=dtype).reshape(shape) if raw else None
        tensors.append({"name": t.string(3), "shape": shape, "type": np.dtype(dtype).name, "data": data_array})
    operators = []
    for op in subgraph.tables(3):  # Operator: opcode_index (0), inputs (1), outputs (2), builtin_options type (3) and table (4)
        options_type, options = op.scalar(3, "B"), op.table(4)
        fields = OPTIONS.get(options_type, [])
        values = {name: options.scalar(i, fmt, default) if options else default for i, (name, fmt, default) in enumerate(fields)}
        code = codes[op.scalar(0, "I")]
        operators.append({"code": OPERATORS.get(code, code), "inputs": op.ints(1), "outputs": op.ints(2), "options": values})
    # SubGraph: tensors (0), inputs (1), outputs (2), operators (3)
    return {"tensors": tensors, "operators": operators, "inputs": subgraph.ints(1), "outputs": subgraph.ints(2)}

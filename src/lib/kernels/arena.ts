const PAGE_BYTES = 65536;
const ALIGN = 16;

/**
 * Scratch memory inside the WASM module's linear memory. Every kernel call
 * resets it and lays out its buffers from the heap base again, so memory grows
 * only to the largest call made so far and is then reused: no allocation per
 * call in steady state. Growing the memory detaches earlier typed-array views,
 * so callers allocate first and take views after.
 */
export class Arena {
  private readonly memory: WebAssembly.Memory;
  private readonly base: number;
  private top: number;

  constructor(memory: WebAssembly.Memory, base: number) {
    this.memory = memory;
    this.base = base;
    this.top = align(base);
  }

  reset(): void {
    this.top = align(this.base);
  }

  /** Reserves `bytes` (16-byte aligned) and returns the address. */
  alloc(bytes: number): number {
    const start = this.top;
    this.top = align(start + bytes);
    const missing = this.top - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / PAGE_BYTES));
    return start;
  }

  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  i32(ptr: number, length: number): Int32Array {
    return new Int32Array(this.memory.buffer, ptr, length);
  }

  f64(ptr: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, ptr, length);
  }

  /** Copies `values` into a new float32 buffer and returns its address. */
  putF32(values: Float32Array): number {
    const ptr = this.alloc(values.length * 4);
    this.f32(ptr, values.length).set(values);
    return ptr;
  }

  putI32(values: Int32Array): number {
    const ptr = this.alloc(values.length * 4);
    this.i32(ptr, values.length).set(values);
    return ptr;
  }

  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

// Typed access to rows of float32 matrices laid out row-major in linear memory.

@inline export function loadF32(ptr: usize, index: i32): f32 {
  return load<f32>(ptr + (<usize>index << 2));
}

@inline export function storeF32(ptr: usize, index: i32, value: f32): void {
  store<f32>(ptr + (<usize>index << 2), value);
}

@inline export function loadF64(ptr: usize, index: i32): f64 {
  return load<f64>(ptr + (<usize>index << 3));
}

@inline export function storeF64(ptr: usize, index: i32, value: f64): void {
  store<f64>(ptr + (<usize>index << 3), value);
}

@inline export function loadI32(ptr: usize, index: i32): i32 {
  return load<i32>(ptr + (<usize>index << 2));
}

/** Address of row `row` of a row-major float32 matrix with `dim` columns. */
@inline export function rowAt(ptr: usize, row: i32, dim: i32): usize {
  return ptr + ((<usize>row * <usize>dim) << 2);
}

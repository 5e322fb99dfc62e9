/** Bad input to a kernel: the message says what is wrong and where. */
export class KernelInputError extends Error {
  override name = 'KernelInputError';
}

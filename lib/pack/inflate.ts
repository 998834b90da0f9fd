import { inflateSync } from 'fflate';

/**
 * Raw-DEFLATE decompressor; fflate's by default, a native one may be passed (Node's zlib is ~5x
 * faster). `maxLength` is the section's declared size: an inflater must not produce more.
 */
export type Inflate = ((data: Uint8Array, maxLength?: number) => Uint8Array) & {
  /** Set by preInflated: the stored bytes at this position were already CRC-checked (not checked twice). */
  verified?: (data: Uint8Array) => boolean;
};

/** fflate into a buffer one byte larger than declared, so an overlong stream shows as a wrong size instead of growing. */
export const boundedFflate: Inflate = (data, maxLength) =>
  maxLength === undefined ? inflateSync(data) : inflateSync(data, { out: new Uint8Array(maxLength + 1) });

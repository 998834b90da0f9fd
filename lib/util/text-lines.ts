/** Splits text into lines, accepting CRLF (as CMS ships) and LF. Line numbers are 1-based. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function decodeUtf8(bytes: Uint8Array): string {
  // fatal: a byte that is not UTF-8 means the file is not what it says it is; but CMS
  // files are sometimes Latin-1 (HCPCS), so fall back rather than reject.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

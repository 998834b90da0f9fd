/** Bytes decoded per step (whole lines only): the text of a file is never held whole. */
export const STEP_BYTES = 4 * 1024 * 1024;

/**
 * Decodes a release file's bytes as text in steps of whole lines (at most `stepBytes` plus the rest
 * of the line that step ends in), calling `onText` with each step's text. UTF-8 with a BOM
 * dropped, as decodeUtf8 (lib/util/text-lines.ts) reads a whole file; CMS files that are Latin-1
 * (HCPCS) are not valid UTF-8, so a step that is not is read as Latin-1, and so is the rest of the
 * file. `tick` runs between steps: the caller's chance to check memory or stop.
 */
export function eachTextStep(
  bytes: Uint8Array,
  onText: (text: string) => void,
  stepBytes = STEP_BYTES,
  tick?: () => void,
): void {
  let latin1 = false;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decode = (b: Uint8Array) => {
    if (!latin1) {
      try {
        return utf8.decode(b);
      } catch {
        latin1 = true;
      }
    }
    return new TextDecoder('latin1').decode(b);
  };
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + stepBytes);
    if (end < bytes.length) {
      const nl = bytes.indexOf(0x0a, end);
      end = nl < 0 ? bytes.length : nl + 1;
    }
    onText(decode(bytes.subarray(start, end)));
    start = end;
    tick?.();
  }
}

/**
 * Calls `onLine` with every line of a file (1-based numbers), as splitLines (lib/util/text-lines.ts)
 * gives them from the whole text: CRLF or LF ends a line, a final line break adds no empty line.
 * From bytes, lines are decoded a step at a time (eachTextStep); every step but the last ends just
 * after a line feed, so splitting each step gives the same lines as splitting the whole text.
 * Returns the number of lines.
 */
export function eachLine(
  input: string | Uint8Array,
  onLine: (raw: string, line: number) => void,
  tick?: () => void,
  stepBytes = STEP_BYTES,
): number {
  let line = 0;
  const onText = (text: string) => {
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const raw of lines) onLine(raw, ++line);
  };
  if (typeof input === 'string') onText(input);
  else eachTextStep(input, onText, stepBytes, tick);
  return line;
}

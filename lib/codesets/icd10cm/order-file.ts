import { CodesetError } from '../errors';
import { dotIcd, ICD_CODE_RE } from '../code-format';
import { eachLine } from '../line-stream';

/** One line of the CMS "Code Descriptions in Tabular Order" order file. */
export interface OrderRecord {
  order: number;
  /** Dotted code, e.g. `E11.22`. */
  code: string;
  /** Flag 1 = valid for HIPAA-covered transactions (a billable leaf); 0 = header. */
  billable: boolean;
  short: string;
  long: string;
  line: number;
}

/*
 * Layout from the CMS record layout PDF shipped in the same zip (icd10OrderFiles_YYYY.pdf):
 * columns 1-5 order number (zero padded), 6 blank, 7-13 code without dot (left aligned),
 * 14 blank, 15 flag 0/1, 16 blank, 17-76 short title (60), 77 blank, 78-end long title.
 */
export function parseOrderFile(input: string | Uint8Array, file: string, tick?: () => void): OrderRecord[] {
  const out: OrderRecord[] = [];
  const seen = new Map<string, number>();
  const count = eachLine(
    input,
    (raw, line) => {
      if (raw.trim() === '') return;
      // Fixed columns, read by position (0-based here): a shifted field is a wrong layout.
      const orderNo = raw.slice(0, 5);
      const rawCode = raw.slice(6, 13).trimEnd();
      const flag = raw[14];
      const ok =
        /^\d{5}$/.test(orderNo) &&
        raw[5] === ' ' &&
        /^[0-9A-Z]{3,7}$/.test(rawCode) &&
        raw[13] === ' ' &&
        (flag === '0' || flag === '1') &&
        raw[15] === ' ' &&
        raw.length >= 78 &&
        raw[76] === ' ';
      if (!ok) {
        throw new CodesetError(
          file,
          'not the ICD-10-CM order-file layout (expected: 5-digit order number, code in columns 7-13, flag 0/1 in column 15, short title in 17-76, long title from 78)',
          { line },
        );
      }
      const short = raw.slice(16, 76);
      const long = raw.slice(77);
      const code = dotIcd(rawCode);
      if (!ICD_CODE_RE.test(code)) throw new CodesetError(file, `"${rawCode}" is not an ICD-10-CM code`, { line });
      const prev = seen.get(code);
      if (prev !== undefined)
        throw new CodesetError(file, `duplicate code ${code} (first seen on line ${prev})`, { line });
      seen.set(code, line);
      out.push({
        order: Number(orderNo),
        code,
        billable: flag === '1',
        short: short.trimEnd(),
        long: long.trim(),
        line,
      });
    },
    tick,
  );
  if (count === 0) throw new CodesetError(file, 'the ICD-10-CM order file is empty');
  return out;
}

/** The "valid codes" file: code (no dot) padded to 8 columns, then the long title. Billable codes only. */
export interface ValidCodeRecord {
  code: string;
  long: string;
  line: number;
}

const CODES_LINE_RE = /^([0-9A-Z]{3,7}) +(\S.*)$/;

export function parseCodesFile(input: string | Uint8Array, file: string, tick?: () => void): ValidCodeRecord[] {
  const out: ValidCodeRecord[] = [];
  const seen = new Map<string, number>();
  const count = eachLine(
    input,
    (raw, line) => {
      if (raw.trim() === '') return;
      const m = CODES_LINE_RE.exec(raw);
      if (!m || !ICD_CODE_RE.test(m[1] as string)) {
        throw new CodesetError(
          file,
          'not the ICD-10-CM codes-file layout (expected: code without dot, spaces, long title)',
          { line },
        );
      }
      const code = dotIcd(m[1] as string);
      const prev = seen.get(code);
      if (prev !== undefined)
        throw new CodesetError(file, `duplicate code ${code} (first seen on line ${prev})`, { line });
      seen.set(code, line);
      out.push({ code, long: (m[2] as string).trim(), line });
    },
    tick,
  );
  if (count === 0) throw new CodesetError(file, 'the ICD-10-CM codes file is empty');
  return out;
}

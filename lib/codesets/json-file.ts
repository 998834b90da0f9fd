import type { z } from 'zod';
import { CodesetError } from './errors';

/*
 * Third-party JSON conversions of official tables (NCCI MUE/AOC, tabular notes) are read behind
 * strict Zod schemas. Errors name the file, the line and the JSON path (e.g. `[1523].mue_value`):
 * the line is found from the record's own key text, so a one-line file still points at the spot.
 */

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    throw new CodesetError(file, `not valid JSON: ${message}`, at ? { line: lineAt(text, Number(at[1])) } : {});
  }
}

/** Where a record is printed: the first occurrence of `"key": "value"` (or of the bare value) in the text. */
export function lineOfValue(text: string, key: string, value: string): number | undefined {
  const exact = new RegExp(`"${key}"\\s*:\\s*"${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(text);
  const at = exact?.index ?? text.indexOf(`"${value}"`);
  return at >= 0 ? lineAt(text, at) : undefined;
}

/**
 * Validates an array of records one by one (so the error names the record), returning the typed
 * rows. `keyOf` names the field that identifies a record in error messages (e.g. the code).
 */
export function parseJsonRecords<T extends z.ZodType>(
  raw: unknown,
  schema: T,
  text: string,
  file: string,
  key: string,
  what: string,
): z.infer<T>[] {
  if (!Array.isArray(raw)) throw new CodesetError(file, `expected a JSON array of ${what} records`, { line: 1 });
  const out: z.infer<T>[] = [];
  raw.forEach((rec: unknown, i) => {
    const parsed = schema.safeParse(rec);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const id = typeof rec === 'object' && rec !== null ? (rec as Record<string, unknown>)[key] : undefined;
      const line = typeof id === 'string' ? lineOfValue(text, key, id) : undefined;
      const where = `[${i}]${issue.path.length ? `.${issue.path.join('.')}` : ''}`;
      throw new CodesetError(
        file,
        `${what} record ${i + 1}${typeof id === 'string' ? ` (${id})` : ''}: ${issue.message}`,
        {
          ...(line !== undefined ? { line } : {}),
          element: where,
        },
      );
    }
    out.push(parsed.data);
  });
  if (out.length === 0) throw new CodesetError(file, `the ${what} file has no records`, { line: 1 });
  return out;
}

/** Throws a CodesetError for one record, at the line where it is printed. */
export function recordError(
  text: string,
  file: string,
  key: string,
  id: string,
  index: number,
  message: string,
): CodesetError {
  const line = lineOfValue(text, key, id);
  return new CodesetError(file, `record ${index + 1} (${id}): ${message}`, {
    ...(line !== undefined ? { line } : {}),
    element: `[${index}]`,
  });
}

/**
 * Every problem found in a release file is reported with the file and the place in it
 * (line for text/tables, line + element for XML) so a user can open the file and see it.
 * The compiler throws on the first such error: a half-read release is never packed.
 */
export class CodesetError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly element: string | undefined;

  constructor(file: string, message: string, where: { line?: number; element?: string } = {}) {
    const place = [
      where.line !== undefined ? `line ${where.line}` : undefined,
      where.element !== undefined ? `element <${where.element}>` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${file}${place ? ` (${place})` : ''}: ${message}`);
    this.name = 'CodesetError';
    this.file = file;
    this.line = where.line;
    this.element = where.element;
  }
}

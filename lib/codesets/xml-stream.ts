import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CodesetError } from './errors';

export interface XmlHandlers {
  open(tag: SaxesTagPlain, path: readonly string[], line: number): void;
  text(text: string, path: readonly string[]): void;
  close(name: string, path: readonly string[], line: number): void;
}

/**
 * Drives saxes (a well-kept streaming XML parser) over a release file and turns every
 * well-formedness problem — truncation included — into a CodesetError with the line and
 * the element being read. `path` is the stack of open element names, root first.
 */
export function streamXml(text: string, file: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let failure: CodesetError | undefined;
  const fail = (e: unknown) => {
    if (failure) return;
    if (e instanceof CodesetError) failure = e;
    else {
      const msg = e instanceof Error ? e.message.replace(/^[^:]*:\d+:\d+: /, '') : String(e);
      failure = new CodesetError(file, `malformed XML: ${msg}`, { line: parser.line, element: path[path.length - 1] });
    }
  };
  parser.on('error', fail);
  parser.on('opentag', (tag) => {
    if (failure) return;
    path.push(tag.name);
    try {
      handlers.open(tag as SaxesTagPlain, path, parser.line);
    } catch (e) {
      fail(e);
    }
  });
  parser.on('text', (t) => {
    if (failure || path.length === 0) return;
    try {
      handlers.text(t, path);
    } catch (e) {
      fail(e);
    }
  });
  parser.on('closetag', (tag) => {
    if (failure) return;
    try {
      handlers.close(tag.name, path, parser.line);
    } catch (e) {
      fail(e);
    }
    path.pop();
  });
  try {
    parser.write(text);
    if (!failure) parser.close();
  } catch (e) {
    fail(e);
  }
  if (failure) throw failure;
  if (path.length > 0) {
    throw new CodesetError(file, `truncated XML: <${path[path.length - 1]}> is never closed`, {
      line: parser.line,
      element: path[path.length - 1],
    });
  }
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

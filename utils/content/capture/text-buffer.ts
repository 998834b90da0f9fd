/**
 * The captured text as it grows, in chunks: checks at its end read the last chunk only. (A string
 * built by += is a rope that V8 flattens on charCodeAt or a regex: checking its end after every
 * block made a 2,000-block page take 7 s, 5,000 blocks 30 s.)
 */
export class TextBuffer {
  private parts: string[] = [];
  length = 0;

  append(s: string) {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }

  /** Code of the last character, -1 when empty. */
  lastCode(): number {
    const p = this.parts[this.parts.length - 1];
    return p ? p.charCodeAt(p.length - 1) : -1;
  }

  endsWithSpace(): boolean {
    const c = this.lastCode();
    return c === 32 || c === 9 || c === 10 || c === 13;
  }

  /** Drops trailing spaces and tabs. */
  trimEnd() {
    while (this.parts.length) {
      const p = this.parts[this.parts.length - 1]!;
      let end = p.length;
      while (end > 0 && (p.charCodeAt(end - 1) === 32 || p.charCodeAt(end - 1) === 9)) end--;
      if (end === p.length) return;
      this.length -= p.length - end;
      if (end > 0) {
        this.parts[this.parts.length - 1] = p.slice(0, end);
        return;
      }
      this.parts.pop();
    }
  }

  toString(): string {
    return this.parts.join('');
  }
}

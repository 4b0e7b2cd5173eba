// Splits CSV text into records, fed chunk by chunk. Written for speed on files of millions of
// rows (csv-parse tops out near 100,000 rows a second here, below what imports need): a line
// without quotes is one split; only lines with quotes take the character-by-character path.
// RFC 4180: fields in double quotes may hold delimiters, line breaks and doubled quotes; lines
// end with LF, CRLF or (old Mac files) CR alone; empty lines are skipped.

export interface CsvRecord {
  values: string[];
  /** 1-based line on which the record ends, as a text editor numbers the file. */
  line: number;
}

export type CsvProblem = 'unclosed_quote' | 'quote_in_unquoted_value' | 'text_after_closing_quote';

export class CsvSyntaxError extends Error {
  constructor(readonly problem: CsvProblem, readonly line: number) {
    super(problem === 'unclosed_quote' ? 'a quoted value is never closed'
      : problem === 'quote_in_unquoted_value' ? 'a value that does not start with a quote contains one (quote the whole value and double the quotes inside)'
        : 'a quoted value is followed by other text before the delimiter');
  }
}

const QUOTE = '"';

export class CsvTokenizer {
  private text = '';
  private line = 0;
  private eol: '\n' | '\r' | undefined;
  private started = false;

  constructor(private readonly delimiter: string) {}

  /** Adds text and returns the records it completes; a record cut by the chunk's end waits for the next. */
  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.text = this.text ? this.text + chunk : chunk;
    return this.drain(false);
  }

  /** Returns the last record, which needs no line break after it. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const text = this.text;
    if (this.eol === undefined) {
      const lf = text.indexOf('\n');
      const cr = text.indexOf('\r');
      if (lf >= 0) this.eol = '\n';
      else if (cr >= 0 && cr < text.length - 1) this.eol = '\r';
      else if (!final) return [];
      else this.eol = '\n';
    }
    const eol = this.eol;
    const out: CsvRecord[] = [];
    let pos = 0;
    const length = text.length;
    // Where the next quote is, looked up again only once passed: files with a quote here and
    // there would otherwise be searched to it from every line before it.
    let quote = text.indexOf(QUOTE);
    while (pos < length) {
      let end = text.indexOf(eol, pos);
      if (end < 0) {
        if (!final) break;
        end = length;
      }
      let lineEnd = end;
      if (eol === '\n' && lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (quote >= 0 && quote < pos) quote = text.indexOf(QUOTE, pos);
      if (quote < 0 || quote >= lineEnd) {
        this.line++;
        if (lineEnd > pos) out.push({ values: text.slice(pos, lineEnd).split(this.delimiter), line: this.line });
        pos = end + 1;
        continue;
      }
      const quoted = this.quotedRecord(text, pos, final);
      if (!quoted) break;
      out.push(quoted.record);
      pos = quoted.next;
    }
    this.text = pos >= length ? '' : text.slice(pos);
    return out;
  }

  /** A record with quotes, read character by character; undefined when it runs past the text so far. */
  private quotedRecord(text: string, start: number, final: boolean): { record: CsvRecord; next: number } | undefined {
    const values: string[] = [];
    const delimiter = this.delimiter;
    const length = text.length;
    let lines = 1;
    let pos = start;
    for (;;) {
      // At the start of a value.
      if (text[pos] === QUOTE) {
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = text.indexOf(QUOTE, from);
          if (close < 0) {
            if (!final) return undefined;
            throw new CsvSyntaxError('unclosed_quote', this.line + lines);
          }
          const piece = text.slice(from, close);
          value += piece;
          lines += countBreaks(piece, this.eol!);
          if (close + 1 >= length && !final) return undefined;
          if (text[close + 1] === QUOTE) {
            value += QUOTE;
            from = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        values.push(value);
      } else {
        let end = pos;
        while (end < length) {
          const c = text[end];
          if (c === delimiter || c === this.eol || c === '\r') break;
          if (c === QUOTE) throw new CsvSyntaxError('quote_in_unquoted_value', this.line + lines);
          end++;
        }
        values.push(text.slice(pos, end));
        pos = end;
      }
      // After a value: a delimiter, the end of the record, or the end of the text so far.
      if (pos >= length) {
        if (!final) return undefined;
        this.line += lines;
        return { record: { values, line: this.line }, next: pos };
      }
      const c = text[pos];
      if (c === delimiter) {
        pos++;
        continue;
      }
      if (c === '\r' && this.eol === '\n') {
        if (pos + 1 >= length && !final) return undefined;
        if (text[pos + 1] === '\n') pos++;
      }
      if (text[pos] === this.eol) {
        this.line += lines;
        return { record: { values, line: this.line }, next: pos + 1 };
      }
      throw new CsvSyntaxError('text_after_closing_quote', this.line + lines);
    }
  }
}

function countBreaks(text: string, eol: string): number {
  let n = 0;
  for (let i = text.indexOf(eol); i >= 0; i = text.indexOf(eol, i + 1)) n++;
  return n;
}

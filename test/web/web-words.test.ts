// Every word the web app shows comes from the catalogs (src/domain/i18n), so it reads in the
// user's language: this reads the web app's sources and fails on words written in a component
// instead — text between JSX tags, a reader-facing attribute (label, title, placeholder…), or
// a sentence in an expression, outside a t() call. Brand names and code samples are allowed by name.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const WEB = join(ROOT, 'web/src');

/** Attributes and option properties a person reads. */
const READ = new Set(['label', 'title', 'note', 'summary', 'placeholder', 'aria-label', 'alt', 'blank', 'hint', 'text', 'message', 'legend']);
/** Attributes and properties that hold code, not words. */
const CODE = new Set(['className', 'key', 'to', 'href', 'id', 'type', 'role', 'name', 'htmlFor', 'accept', 'autoComplete', 'inputMode', 'rel', 'target',
  'method', 'list', 'value', 'trigger', 'position', 'orient', 'left', 'nameLocation', 'renderer', 'formatter', 'path', 'filter', 'group', 'width']);
/** Calls whose string arguments are catalog keys or values, not words. */
const WORDING = new Set(['t', 'words', 'classWords', 'fieldWords', 'goalLabel']);
/** Words that read the same in every language. */
const ALLOWED = new Set(['Clientele', 'UTF-8', 'Authorization: Bearer …', 'vip, export']);

/** Text with at least one word of two letters or more: what a person would read. */
const WORDY = /\p{L}{2,}/u;
/** A sentence or a capitalised word; catalog keys, paths, CSS and codes are neither. */
const PROSE = /^[\p{Lu}][\p{Ll}]|\p{L}{2,}[,.;:!?…]?\s+\p{L}|\p{L}…$/u;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The attribute or property a string is the value of, if any. */
function ownerName(node: ts.Node): string | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isJsxAttribute(at)) return at.name.getText();
    if (ts.isPropertyAssignment(at)) return at.name.getText().replace(/^['"]|['"]$/g, '');
    if (ts.isCallExpression(at) || ts.isJsxElement(at) || ts.isJsxSelfClosingElement(at) || ts.isBlock(at)) return undefined;
  }
  return undefined;
}

function insideWordingCall(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isCallExpression(at) && WORDING.has(at.expression.getText())) return true;
    if (ts.isJsxAttribute(at) || ts.isBlock(at)) return false;
  }
  return false;
}

/** A catalog key, whole or as the head of a template (`web.rules.group.${group}.title`). */
const KEY = /^(web|labels|figures)\./;
function isKey(node: ts.Node): boolean {
  if (ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isTemplateHead(node)) {
    const template = ts.isTemplateHead(node) ? node.parent : node.parent.parent;
    return ts.isTemplateExpression(template) && KEY.test(template.head.text);
  }
  return KEY.test((node as ts.StringLiteral).text);
}

/** A value compared with (`key === 'Enter'`, `field === 'customerSince'`) is code. */
const compared = (node: ts.Node) => ts.isBinaryExpression(node.parent) && /^[!=]==?$/.test(node.parent.operatorToken.getText());

const insideJsx = (node: ts.Node): boolean => {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) if (ts.isJsxExpression(at) || ts.isJsxAttribute(at)) return true;
  return false;
};

/** The hard-coded words of one source file, as "file:line: text". */
export function hardCodedWords(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, words: string) => {
    if (ALLOWED.has(words)) return;
    found.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${JSON.stringify(words)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const words = node.text.replace(/\s+/g, ' ').trim();
      if (WORDY.test(words)) report(node, words);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const words = node.text.trim();
      const owner = ownerName(node);
      const read = owner !== undefined && READ.has(owner);
      const prose = WORDY.test(words) && PROSE.test(words) && !(owner !== undefined && CODE.has(owner));
      if (!insideWordingCall(node) && !isKey(node) && !compared(node) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)
        && (read ? WORDY.test(words) : prose && insideJsx(node))) report(node, words);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the web app’s words', () => {
  it('finds words written in a component, and none in a t() call', () => {
    const sample = `const A = () => <p title="Shown">Hello <b>{t('web.x')}</b>{busy ? 'Saving…' : t('web.save')}<i className="a b">{'·'}</i></p>;`;
    expect(hardCodedWords(join(WEB, 'sample.tsx'), sample).map((f) => f.replace(/^.*?: /, ''))).toEqual(['"Shown"', '"Hello"', '"Saving…"']);
  });

  it('come from the catalogs: no English written in web/src', () => {
    const found = sources(WEB).flatMap((file) => hardCodedWords(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});

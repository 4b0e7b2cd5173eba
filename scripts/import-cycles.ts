// Finds the import cycles among a folder's TypeScript files (type-only imports count: they tie
// the files together for a reader as much as value imports do). Tests are left out.
//   npx tsx scripts/import-cycles.ts [folder=src]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|browser)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.')).flatMap((name) => {
    const base = resolve(dirname(file), name).replace(/\.js$/, '');
    const found = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((path) => existsSync(path));
    return found ? [found] : [];
  });
}

/** Every strongly connected group of more than one file (or a file importing itself), as paths relative to `root`. */
export function importCycles(folder: string, root = process.cwd()): string[][] {
  const files = sourceFiles(resolve(folder));
  const edges = new Map(files.map((f) => [f, importsOf(f)]));
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const to of edges.get(file) ?? []) {
      if (!edges.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1 || edges.get(file)!.includes(file)) groups.push(group.map((f) => relative(root, f)).sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return groups;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = importCycles(process.argv[2] ?? 'src');
  for (const group of cycles) console.log(`${group.length} files in a cycle:\n  ${group.join('\n  ')}`);
  if (cycles.length === 0) console.log('No import cycle.');
  process.exitCode = cycles.length ? 1 : 0;
}

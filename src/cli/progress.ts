// Progress of long work on stderr: a live bar with rows/s and ETA in a terminal, and a plain
// line every few seconds otherwise (CI logs, pipes), so stdout stays for results.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, rows: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function startProgress(label: string, total: number, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const rate = (rows: number) => rows / Math.max((Date.now() - started) / 1000, 0.001);

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream,
      format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {rows} rows, {rate} rows/s | ETA {eta_formatted}`,
      etaBuffer: 20,
      hideCursor: true,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { rows: '0', rate: '0' });
    return {
      update: (done, rows) => bar.update(done, { rows: thousands(rows), rate: thousands(rate(rows)) }),
      stop: () => bar.stop(),
    };
  }

  let lastLine = 0;
  let last = { done: 0, rows: 0 };
  let printed = true;
  const line = () => {
    lastLine = Date.now();
    printed = true;
    stream.write(`${label}: ${last.done}/${total} ${unit}, ${thousands(last.rows)} rows (${thousands(rate(last.rows))} rows/s)\n`);
  };
  return {
    update(done, rows) {
      last = { done, rows };
      printed = false;
      if (Date.now() - lastLine >= PLAIN_EVERY_MS) line();
    },
    stop() {
      if (!printed) line();
    },
  };
}

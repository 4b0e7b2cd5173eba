import { cpus, loadavg, totalmem } from 'node:os';

/** What a result was measured on, written beside every benchmark result. */
export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The 1, 5 and 15-minute load averages, to one decimal: how busy the machine was around a run. */
export function loadAverage(): number[] {
  return loadavg().map((v) => Math.round(v * 10) / 10);
}

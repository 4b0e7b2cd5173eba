// `clientele fit --summary FILE`: fit the lifetime-value models on per-customer summaries
// (x, t_x, T and optionally the mean repeat purchase value) instead of the store's orders.
import { Command, Option } from 'commander';
import { CLV_DEFAULTS, CLV_UNITS, type ClvUnit } from '../../domain/schemas/clv.js';
import { CLV_UNIT_OF, TIME_UNIT_OF } from '../../services/clv/clv-settings.js';
import { fitSummaryFile } from '../../services/clv/summary-file.js';
import { formatOption, type OutputFormat, print, printJson } from '../format-output.js';
import { correlationLine, estimateLines } from '../model-estimates.js';
import { runCommand } from '../run-command.js';

interface Options {
  summary: string;
  unit: ClvUnit;
  format: OutputFormat;
}

export function fitCommand(): Command {
  return new Command('fit')
    .requiredOption('--summary <file>', 'the summaries; header names as lifetimes or Fader & Hardie write them')
    .addOption(new Option('--unit <unit>', 'the unit t_x and T are counted in').choices(CLV_UNITS).default(CLV_DEFAULTS.unit))
    .addOption(formatOption())
    .action((options: Options) => runCommand(async () => {
      const fit = await fitSummaryFile(options.summary, TIME_UNIT_OF[options.unit]);
      const unit = CLV_UNIT_OF[fit.unit];
      if (options.format === 'json') return printJson({ model: { ...fit, unit } });
      print(estimateLines(`BG/NBD fitted on ${fit.customers.toLocaleString('en-US')} customers (${fit.repeatCustomers.toLocaleString('en-US')} bought again), ${fit.bgnbd.distinctHistories.toLocaleString('en-US')} distinct histories`,
        fit.bgnbd, { alpha: `(${unit}s)` }));
      if (fit.gammaGamma && fit.frequencyMonetary) {
        print('');
        print(estimateLines(`Gamma-Gamma fitted on ${fit.gammaGamma.customers.toLocaleString('en-US')} repeat buyers`, fit.gammaGamma, { gamma: '(in the file\'s currency unit)' }));
        print(correlationLine(fit.frequencyMonetary));
      }
    }));
}

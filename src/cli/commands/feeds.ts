import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseWatchConfig } from '../../ingest/feeds/config.js';
import { feedStates, type PollOutcome, watchFeeds } from '../../services/feeds.js';
import { defaultExtractionContext, defaultExtractor } from '../../services/pipeline.js';
import { type GlobalOptions, withExistingStore, withStore } from '../context.js';
import { checkInputFile } from '../input-file.js';
import { counted, printJson, table } from '../output.js';

export function register(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds and pages on a schedule; fetch, read and ingest new articles')
    .argument('<feeds.yaml>', 'the feeds to watch (see README: Feeds)')
    .option('--once', 'poll every feed once, then exit')
    .option('--allow-private', 'allow fetching from private and loopback addresses (overrides the file)')
    .action(async (file: string, opts: { once?: boolean; allowPrivate?: boolean }, cmd: Command) => {
      await checkInputFile(file);
      const config = parseWatchConfig(await readFile(file, 'utf8'), file);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let failed = 0;
      try {
        await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
          watchFeeds(
            {
              store,
              ingest: { store, extract: defaultExtractor, context: defaultExtractionContext, actor: 'watch' },
              allowPrivate: opts.allowPrivate === true || config.allowPrivate,
              maxItemsPerPoll: config.maxItemsPerPoll,
            },
            config,
            {
              once: opts.once,
              signal: controller.signal,
              onPoll: (o) => {
                if (o.status === 'error') failed++;
                process.stdout.write(`${pollLine(o)}\n`);
              },
            },
          ),
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      if (opts.once && failed > 0) process.exitCode = 1;
    });

  program
    .command('feeds')
    .description('the state of each watched feed: last success, last error, items and reports')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const rows = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) => feedStates(s.db));
      if (opts.json) return printJson(rows);
      if (rows.length === 0)
        return void process.stdout.write('no feeds polled yet (vigil watch FEEDS.yaml)\n');
      process.stdout.write(
        `${table(
          ['feed', 'last success', 'last error', 'failures', 'items', 'new reports'],
          rows.map((f) => [
            f.name ? `${f.name}\n${f.url}` : f.url,
            f.last_success_at,
            f.last_error ? `${f.last_error_at}\n${f.last_error.slice(0, 80)}` : null,
            Number(f.failures),
            Number(f.items_seen),
            Number(f.reports_new),
          ]),
        )}\n`,
      );
    });
}

function pollLine(o: PollOutcome): string {
  const head = `${new Date().toISOString()} ${o.url}: `;
  if (o.status === 'error') return `${head}error: ${o.errors[0] ?? 'unknown'}`;
  if (o.status === 'not-modified') return `${head}not modified`;
  const extra = o.errors.length
    ? `; ${counted(o.errors.length, 'article error')} (first: ${o.errors[0]})`
    : '';
  return `${head}${counted(o.items, 'item')}, ${o.fetched} fetched, ${counted(o.reportsNew, 'new report')}, ${o.reportsKnown} known${extra}`;
}

import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Belligerent, Grading, IncidentStatus, StrikeStatus } from '../../domain/codes.js';
import { formatRange } from '../../domain/range.js';
import type { BelligerentAssessment, BelligerentRole } from '../../domain/review.js';
import { filterFromParams } from '../../services/filters.js';
import { NotFoundError } from '../../services/incidents.js';
import type { FieldOverrides } from '../../services/linking/recompute.js';
import { acceptClaim } from '../../services/review/accept-claim.js';
import { acceptLink } from '../../services/review/accept-link.js';
import { assign } from '../../services/review/assign.js';
import { setBelligerent } from '../../services/review/belligerent.js';
import { type ReviewCommand, resolveIncident } from '../../services/review/command.js';
import { discount } from '../../services/review/discount.js';
import { dismissLink } from '../../services/review/dismiss-link.js';
import { editFields } from '../../services/review/edit.js';
import { ConflictError, ReviewError } from '../../services/review/errors.js';
import { grade } from '../../services/review/grade.js';
import { incidentHistory } from '../../services/review/history.js';
import { markDuplicate } from '../../services/review/mark-duplicate.js';
import { merge } from '../../services/review/merge.js';
import { publish } from '../../services/review/publish.js';
import { reviewQueue } from '../../services/review/queue.js';
import { rejectClaim } from '../../services/review/reject-claim.js';
import { reopen } from '../../services/review/reopen.js';
import { setCivilianRange } from '../../services/review/set-range.js';
import { split } from '../../services/review/split.js';
import { setStrikeStatus } from '../../services/review/strike-status.js';
import { submitForReview } from '../../services/review/submit.js';
import { markUnverifiable } from '../../services/review/unverifiable.js';
import type { Store } from '../../store/database.js';
import type { IncidentView } from '../../store/rows.js';
import { type GlobalOptions, withExistingStore, withStore } from '../context.js';
import { wholeNumber } from '../numbers.js';
import { printJson, table } from '../output.js';

/** Exit status for a refused stale write, so scripts can tell "reload and retry" from other failures. */
export const CONFLICT_EXIT = 3;

interface WriteFlags {
  reason?: string;
  expectVersion?: number;
  actor?: string;
}

function writeOptions(cmd: Command): Command {
  return cmd
    .option('--reason <text>', 'why (kept in the audit trail; required for some actions)')
    .option(
      '--expect-version <n>',
      'the incident version your decision is based on (default: the current one)',
      wholeNumber(1),
    )
    .option('--actor <name>', 'who is acting (default: $VIGIL_ACTOR, else the login name)');
}

function actorOf(flags: WriteFlags): string {
  return flags.actor ?? process.env.VIGIL_ACTOR ?? userInfo().username;
}

async function currentVersion(store: Store, ref: string): Promise<number> {
  return Number((await resolveIncident(store.db, ref)).version);
}

async function claimIncident(store: Store, claimId: string): Promise<string> {
  const c = await store.db
    .selectFrom('claims')
    .select('incident_id')
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!c) throw new NotFoundError('claim', claimId);
  if (!c.incident_id) throw new ReviewError(`claim ${claimId} belongs to no incident`, 'claim');
  return c.incident_id;
}

/**
 * Runs one write: the version defaults to the one read just before (fine for a single CLI user);
 * a refused stale write exits with CONFLICT_EXIT and says so.
 */
async function write(
  cmd: Command,
  flags: WriteFlags,
  versionOf: (store: Store) => Promise<string>,
  run: (store: Store, c: ReviewCommand) => Promise<{ incident: IncidentView }>,
): Promise<void> {
  try {
    const out = await withStore(cmd.optsWithGlobals<GlobalOptions>(), async (store) => {
      const expectedVersion = flags.expectVersion ?? (await currentVersion(store, await versionOf(store)));
      return run(store, { actor: actorOf(flags), expectedVersion, reason: flags.reason ?? null });
    });
    const i = out.incident;
    process.stdout.write(
      `${i.code} version ${i.version}: status ${i.status}, grading ${i.grading ?? 'none'}, civilians ${formatRange(i.civiliansKilled)}${i.civOverrideReason ? ' (set by an analyst)' : ''}\n`,
    );
  } catch (err) {
    if (err instanceof ConflictError) {
      process.stderr.write(`vigil: conflict: ${err.message}\n`);
      process.exitCode = CONFLICT_EXIT;
      return;
    }
    throw err;
  }
}

export function register(program: Command): void {
  const review = program
    .command('review')
    .description('the analyst workflow: queue, claims, grading, merge/split, decisions');

  review
    .command('list')
    .description('incidents awaiting review (new, in review, ready for review)')
    .option('--assignee <name>', 'only this analyst’s')
    .option('--status <list>', 'only these statuses (comma-separated)')
    .option('--json', 'print JSON')
    .action(async (flags: { assignee?: string; status?: string; json?: boolean }, cmd: Command) => {
      const rows = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) =>
        reviewQueue(s.db, {
          assignee: flags.assignee,
          status: flags.status
            ? (filterFromParams({ status: flags.status }, 'all').status as IncidentStatus[])
            : undefined,
        }),
      );
      if (flags.json) return printJson(rows);
      process.stdout.write(
        `${table(
          [
            'code',
            'v',
            'status',
            'assignee',
            'date',
            'place',
            'civilians',
            'claims',
            'sources',
            'suggested',
            'grading',
          ],
          rows.map((r) => [
            r.code,
            r.version,
            r.status,
            r.assignee,
            r.date,
            r.place,
            formatRange(r.civiliansKilled),
            r.claims,
            r.sources,
            r.openSuggestions,
            r.grading ?? '–',
          ]),
        )}\n${rows.length} incident(s) awaiting review\n`,
      );
    });

  const onIncident = (
    name: string,
    description: string,
    run: (
      store: Store,
      ref: string,
      c: ReviewCommand,
      args: string[],
      flags: Record<string, unknown>,
    ) => Promise<{ incident: IncidentView }>,
    extra: (c: Command) => Command = (c) => c,
    /** Arguments after the incident, each with the help line that says what it takes. */
    args: [name: string, description: string][] = [],
  ): void => {
    let c = review.command(name).description(description).argument('<incident>', 'incident id or code');
    for (const [a, d] of args) c = c.argument(a, d);
    extra(writeOptions(c)).action(async (...all: unknown[]) => {
      const cmd = all[all.length - 1] as Command;
      const flags = all[all.length - 2] as WriteFlags & Record<string, unknown>;
      const [ref, ...rest] = all.slice(0, -2) as string[];
      await write(
        cmd,
        flags,
        async () => ref as string,
        (s, c2) => run(s, ref as string, c2, rest, flags),
      );
    });
  };

  onIncident(
    'assign',
    'give an incident to an analyst (a new one enters review)',
    (s, ref, c, [who]) => assign({ store: s }, ref, who as string, c),
    undefined,
    [['<assignee>', 'the analyst’s user name']],
  );
  onIncident(
    'grade',
    'grade: confirmed | fair | weak | contested | discounted',
    (s, ref, c, [g]) => grade({ store: s }, ref, g as Grading, c),
    undefined,
    [['<grading>', 'confirmed, fair, weak, contested or discounted']],
  );
  onIncident(
    'strike-status',
    'strike status: declared | likely | contested | single_source',
    (s, ref, c, [st]) => setStrikeStatus({ store: s }, ref, st as StrikeStatus, c),
    undefined,
    [['<status>', 'declared, likely, contested or single_source']],
  );
  onIncident(
    'set-range',
    'set the civilian range by hand (needs --reason); max "+" for open-ended; --clear returns to the rule',
    (s, ref, c, [min, max], flags) =>
      setCivilianRange({ store: s }, ref, flags.clear ? null : parseRange(min, max), c),
    (c) => c.option('--clear', 'drop the override: the range follows the claims again'),
    [
      ['[min]', 'lowest civilian deaths (a whole number)'],
      ['[max]', 'highest; "+" for open-ended; left out: the same as min'],
    ],
  );
  onIncident(
    'belligerent',
    'set a belligerent entry: --role known|suspected, --assessment not_assessed|credible|non_credible; or --remove',
    (s, ref, c, [code], flags) =>
      setBelligerent(
        { store: s },
        ref,
        code as Belligerent,
        flags.remove
          ? null
          : {
              role: (flags.role as BelligerentRole | undefined) ?? 'suspected',
              assessment: (flags.assessment as BelligerentAssessment | undefined) ?? 'not_assessed',
            },
        c,
      ),
    (c) =>
      c
        .option('--role <role>', 'known | suspected', 'suspected')
        .option('--assessment <a>', 'the belligerent’s own assessment', 'not_assessed')
        .option('--remove', 'remove the entry'),
    [['<belligerent>', 'belligerent code (us-led-coalition, russia, syrian-government…)']],
  );
  onIncident(
    'edit',
    'edit fields by hand (needs --reason): --set place_name=…, --set lat=36.2, …',
    (s, ref, c, _a, flags) =>
      editFields({ store: s }, ref, parseFields((flags.set as string[] | undefined) ?? []), c),
    (c) =>
      c.option('--set <field=value>', 'a field to set (repeatable)', (v, prev: string[] = []) => [
        ...prev,
        v,
      ]),
  );
  onIncident('submit', 'hand an incident on for a decision (ready_for_review)', (s, ref, c) =>
    submitForReview({ store: s }, ref, c),
  );
  onIncident('publish', 'publish a graded incident', (s, ref, c) => publish({ store: s }, ref, c));
  onIncident('discount', 'close as discounted (needs --reason)', (s, ref, c) =>
    discount({ store: s }, ref, c),
  );
  onIncident('unverifiable', 'close as unverifiable (needs --reason)', (s, ref, c) =>
    markUnverifiable({ store: s }, ref, c),
  );
  onIncident('reopen', 'send back into review (needs --reason)', (s, ref, c) => reopen({ store: s }, ref, c));
  onIncident(
    'mark-duplicate',
    'close as a duplicate of another incident (needs --of and --reason)',
    (s, ref, c, _a, flags) => markDuplicate({ store: s }, ref, String(flags.of ?? ''), c),
    (c) => c.requiredOption('--of <incident>', 'the incident it duplicates'),
  );
  onIncident(
    'merge',
    'merge <source> into <incident> (needs --reason); --expect-source-version checks the source too',
    async (s, ref, c, [source], flags) =>
      merge(
        { store: s },
        ref,
        source as string,
        (flags.expectSourceVersion as number | undefined) ?? (await currentVersion(s, source as string)),
        c,
      ),
    (c) => c.option('--expect-source-version <n>', 'the source incident’s version', wholeNumber(1)),
    [['<source>', 'the incident merged in and closed (id or code)']],
  );
  onIncident(
    'split',
    'split claims off into a new incident (needs --reason)',
    (s, ref, c, claims) => split({ store: s }, ref, claims, c),
    undefined,
    [['<claims...>', 'ids of the claims that leave (c_…)']],
  );

  const onClaim = (
    name: string,
    description: string,
    run: (store: Store, claim: string, c: ReviewCommand) => Promise<{ incident: IncidentView }>,
  ): void => {
    writeOptions(review.command(name).description(description).argument('<claim>', 'claim id')).action(
      async (claim: string, flags: WriteFlags, cmd: Command) =>
        write(
          cmd,
          flags,
          (s) => claimIncident(s, claim),
          (s, c) => run(s, claim, c),
        ),
    );
  };
  onClaim(
    'accept-claim',
    'accept a claim (its incident’s figures then count accepted claims only)',
    (s, id, c) => acceptClaim({ store: s }, id, c),
  );
  onClaim('reject-claim', 'reject a claim (kept, never counted)', (s, id, c) =>
    rejectClaim({ store: s }, id, c),
  );

  for (const [name, description, run] of [
    ['link', 'accept a suggested link: move the claim into the incident', acceptLink],
    ['dismiss-link', 'dismiss a suggested link for good', dismissLink],
  ] as const)
    writeOptions(
      review
        .command(name)
        .description(description)
        .argument('<claim>', 'claim id')
        .argument('<incident>', 'incident id or code'),
    ).action(async (claim: string, incident: string, flags: WriteFlags, cmd: Command) =>
      write(
        cmd,
        flags,
        async () => incident,
        (s, c) => run({ store: s }, claim, incident, c),
      ),
    );

  review
    .command('suggestions')
    .description('open link suggestions (plausible, below the automatic threshold)')
    .argument('[incident]', 'only those into this incident')
    .option('--json', 'print JSON')
    .action(async (ref: string | undefined, flags: { json?: boolean }, cmd: Command) => {
      const rows = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        let q = s.db
          .selectFrom('link_suggestions')
          .innerJoin('incidents', 'incidents.id', 'link_suggestions.incident_id')
          .innerJoin('claims', 'claims.id', 'link_suggestions.claim_id')
          .leftJoin('incidents as cur', 'cur.id', 'claims.incident_id')
          .select([
            'link_suggestions.claim_id',
            'incidents.code as into',
            'cur.code as now_in',
            'link_suggestions.score',
          ])
          .where('link_suggestions.status', '=', 'open')
          .where('incidents.deleted_at', 'is', null);
        if (ref) q = q.where('incidents.id', '=', (await resolveIncident(s.db, ref)).id);
        return q.orderBy('link_suggestions.score', 'desc').execute();
      });
      if (flags.json) return printJson(rows);
      process.stdout.write(
        `${table(
          ['claim', 'now in', 'suggested into', 'score'],
          rows.map((r) => [r.claim_id, r.now_in, r.into, Number(r.score).toFixed(3)]),
        )}\n`,
      );
    });

  review
    .command('history')
    .description('every audit entry about an incident and its claims')
    .argument('<incident>', 'incident id or code')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }, cmd: Command) => {
      const rows = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) =>
        incidentHistory(s.db, ref),
      );
      if (flags.json) return printJson(rows);
      for (const e of rows)
        process.stdout.write(
          `#${e.seq} ${e.at} ${e.actor} ${e.action} ${e.entityType} ${e.entityId}${e.reason ? ` — ${e.reason}` : ''}\n    before ${JSON.stringify(e.before)}\n    after  ${JSON.stringify(e.after)}\n`,
        );
    });
}

function parseRange(min: string | undefined, max: string | undefined): { min: number; max: number | null } {
  if (min === undefined) throw new ReviewError('set-range needs <min> [max] (or --clear)', 'min');
  const lo = Number(min);
  if (!Number.isInteger(lo)) throw new ReviewError(`min must be a whole number, got "${min}"`, 'min');
  if (max === undefined) return { min: lo, max: lo };
  if (max === '+' || max === 'open') return { min: lo, max: null };
  const hi = Number(max);
  if (!Number.isInteger(hi)) throw new ReviewError(`max must be a whole number or "+", got "${max}"`, 'max');
  return { min: lo, max: hi };
}

function parseFields(pairs: string[]): FieldOverrides {
  const out: Record<string, string | number | null> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new ReviewError(`--set takes field=value, got "${p}"`, 'set');
    const key = p.slice(0, eq);
    const raw = p.slice(eq + 1);
    out[key] = raw === '' ? null : key === 'lat' || key === 'lon' ? Number(raw) : raw;
  }
  return out as FieldOverrides;
}

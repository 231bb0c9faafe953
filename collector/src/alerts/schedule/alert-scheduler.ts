/**
 * Runs every enabled rule on its cron schedule (croner, in the rule's time zone) and delivers
 * the notifications that follow.
 *
 * - Evaluations of a rule never overlap: croner's `protect` skips a run while the previous one is
 *   busy, and the slots a skipped run would have taken are picked up by the next one.
 * - After a restart nothing is missed or doubled: each run evaluates every slot after the rule's
 *   last evaluated slot (persisted) up to now, oldest first; `(rule, slot)` is unique in the
 *   database. Catch-up is bounded: at most `maxCatchUpSlots` (default 100) of the newest missed
 *   slots are evaluated; older ones are left out (documented in docs/alerts.md).
 * - Rules and their history live in the metadata database (`data.meta`); the figures come from
 *   the storage engine's reports, SQLite or ClickHouse.
 */
import type Database from 'better-sqlite3';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { getRuleState, listEnabledRules } from '../../storage/sqlite/alerts/alert-rules-store.js';
import { nextNotificationTime } from '../../storage/sqlite/alerts/alert-outbox-store.js';
import type { AlertData } from '../alert-data.js';
import type { AlertRule } from '../alert-rule.js';
import { DEFAULT_DELIVERY, deliverPending, type DeliveryOptions } from '../delivery/deliver-pending.js';
import { runSlot } from '../run-slot.js';
import { slotsBetween } from './cron-slots.js';

/** Options of the scheduler. */
export interface SchedulerOptions {
  data: AlertData;
  logger?: Logger;
  /** The clock (tests move it by hand). */
  now?: () => number;
  maxCatchUpSlots?: number;
  delivery?: DeliveryOptions;
  /** How often the outbox is checked for due retries, ms (default 5 s). */
  deliveryPollMs?: number;
}

const schedulers = new WeakMap<Database.Database, AlertScheduler>();

/** Tells the scheduler running on `db` (if any) that rules were created, changed or deleted. */
export function rulesChanged(db: Database.Database): void {
  void schedulers.get(db)?.sync();
}

/** The alert scheduler of one metadata database. */
export class AlertScheduler {
  private readonly jobs = new Map<string, { job: Cron; updatedAt: number }>();
  /** The run in progress of each rule: a rule's runs go one after another. */
  private readonly running = new Map<string, Promise<number>>();
  private readonly db: Database.Database;
  private readonly now: () => number;
  private deliveryTimer: NodeJS.Timeout | null = null;
  private delivering: Promise<unknown> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.db = options.data.meta;
  }

  /** Schedules every enabled rule and starts delivering; resolves when the rules have caught up. */
  start(): Promise<void> {
    schedulers.set(this.db, this);
    const caughtUp = this.sync();
    this.deliveryTimer = setInterval(() => this.deliver(), this.options.deliveryPollMs ?? 5_000);
    this.deliveryTimer.unref();
    return caughtUp;
  }

  /** Stops every job and waits for the evaluations and the delivery round in progress. */
  async stop(): Promise<void> {
    if (schedulers.get(this.db) === this) schedulers.delete(this.db);
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    if (this.deliveryTimer) clearInterval(this.deliveryTimer);
    this.deliveryTimer = null;
    await Promise.allSettled([...this.running.values()]);
    await this.delivering;
  }

  /**
   * Re-reads the rules: new or changed rules are caught up and (re)scheduled, removed ones
   * stopped. Resolves when the catch-up runs are done.
   */
  sync(): Promise<void> {
    const runs: Promise<number>[] = [];
    const rules = listEnabledRules(this.db);
    const ids = new Set(rules.map((r) => r.id));
    for (const [id, { job }] of this.jobs) if (!ids.has(id)) { job.stop(); this.jobs.delete(id); }
    for (const rule of rules) {
      const current = this.jobs.get(rule.id);
      if (current && current.updatedAt === rule.updatedAt) continue;
      current?.job.stop();
      runs.push(this.runDue(rule));
      this.jobs.set(rule.id, { job: this.schedule(rule), updatedAt: rule.updatedAt });
    }
    return Promise.all(runs).then(() => undefined);
  }

  /**
   * Evaluates the slots of `rule` due by `until` that were not evaluated yet, after any run of
   * the rule in progress; resolves to how many ran.
   */
  runDue(rule: AlertRule, until = this.now()): Promise<number> {
    const previous = this.running.get(rule.id) ?? Promise.resolve(0);
    const run = previous.then(() => this.evaluateDue(rule, until)).catch((err: unknown) => {
      this.options.logger?.error({ err, rule: rule.id }, 'alert run failed');
      return 0;
    });
    this.running.set(rule.id, run);
    void run.finally(() => {
      if (this.running.get(rule.id) === run) this.running.delete(rule.id);
    });
    return run;
  }

  private async evaluateDue(rule: AlertRule, until: number): Promise<number> {
    const after = getRuleState(this.db, rule.id).lastSlot ?? rule.createdAt;
    const slots = slotsBetween(rule.schedule.cron, rule.timezone, after, until, this.options.maxCatchUpSlots ?? 100);
    let ran = 0;
    let notify = false;
    for (const slot of slots) {
      try {
        const result = await runSlot(this.options.data, rule, slot, this.now());
        if (result) ran += 1;
        if (result?.eventSeq != null) notify = true;
      } catch (err) {
        this.options.logger?.error({ err, rule: rule.id, slot: new Date(slot).toISOString() }, 'alert evaluation failed');
        break; // keep the order: the next run retries from this slot
      }
    }
    if (notify) void this.deliver();
    return ran;
  }

  /** Runs one delivery round now (or joins the one in progress). */
  deliver(): Promise<unknown> {
    if (!this.delivering) {
      this.delivering = deliverPending(this.db, this.options.delivery ?? DEFAULT_DELIVERY, this.now)
        .catch((err) => this.options.logger?.error({ err }, 'alert delivery failed'))
        .finally(() => { this.delivering = null; });
    }
    return this.delivering;
  }

  /** Delivers until nothing is due before `deadline` (tests; a retry due later waits for the poll). */
  async drain(deadline = this.now()): Promise<void> {
    for (;;) {
      await this.deliver();
      const next = nextNotificationTime(this.db);
      if (next === null || next > deadline) return;
      await new Promise((r) => setTimeout(r, Math.max(0, next - this.now())));
    }
  }

  private schedule(rule: AlertRule): Cron {
    return new Cron(rule.schedule.cron, { timezone: rule.timezone, protect: true }, async (job: Cron) => {
      // croner may wake a hair early; the run must include the slot it was woken for.
      const scheduled = job.currentRun()?.getTime() ?? 0;
      const fresh = listEnabledRules(this.db).find((r) => r.id === rule.id);
      if (fresh) await this.runDue(fresh, Math.max(this.now(), scheduled));
    });
  }
}

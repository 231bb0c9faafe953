/**
 * Compiles funnel steps and exclusions into ClickHouse expressions over an events row, as the
 * SQLite engine's compile-conditions.ts does for SQLite. Only fixed operator text and
 * `{name:Type}` placeholders go into the SQL; every value (event names, property names, filter
 * values) is bound, so no user text is ever interpolated.
 *
 * The SQLite conditions compare what `json_extract` returns: a JSON string as TEXT, a number as
 * INTEGER or REAL, true/false as the integers 1/0, null or a missing property as NULL; built-in
 * columns keep their column affinity (TEXT, REAL for revenue). The expressions below give the
 * same answers from the raw JSON text that `visitParamExtractRaw` reads. Every expression is a
 * non-NULL UInt8, as the `iif(cond, bit, 0)` of the SQLite masks needs.
 */
import type { Params } from '../../clickhouse-db.js';
import { BUILT_IN_FIELDS, type BuiltInField, type FunnelFilter } from '../../../sqlite/analytics/funnels/funnel-definition.js';
import type { EventCondition } from '../../../sqlite/analytics/funnels/compile-conditions.js';
import { sqliteNumberText, sqliteTextAsNumber } from './sqlite-values.js';

export type { EventCondition };

/** SQL text plus the parameters it names. */
export interface CompiledSql {
  sql: string;
  params: Params;
}

type Scalar = string | number | boolean;

/**
 * A bitmask expression: bit k is set when condition k holds, e.g. `if(c0, 1, 0) + if(c1, 2, 0)`.
 * `firstExtra` is ANDed to condition 0 only (the step-1 range limit).
 */
export function compileMask(prefix: string, conditions: readonly EventCondition[], firstExtra?: string): CompiledSql {
  if (conditions.length === 0) return { sql: 'toUInt32(0)', params: {} };
  const params: Params = {};
  const terms = conditions.map((c, k) => {
    let sql = compileCondition(`${prefix}${k}`, c, params);
    if (k === 0 && firstExtra) sql = `${sql} AND ${firstExtra}`;
    return `if(${sql}, ${2 ** k}, 0)`;
  });
  return { sql: `toUInt32(${terms.join(' + ')})`, params };
}

/** `event = {p_event:String} AND <filters>`, registering the parameters in `params`. */
export function compileCondition(key: string, condition: EventCondition, params: Params): string {
  params[`${key}_event`] = condition.event;
  const parts = [`event = {${key}_event:String}`];
  (condition.filters ?? []).forEach((f, i) => parts.push(`(${compileFilter(`${key}_f${i}`, f, condition.event, params)})`));
  return parts.join(' AND ');
}

/**
 * The props text a property is read from. An identify event stores its traits followed by
 * `"$identities":{…}` (see enrich-event.ts); `visitParamExtract*` finds a name at any depth, so
 * the identities are cut off lest a missing trait `phone` be read from inside them.
 */
export function propsSource(event: string): string {
  return event === 'identify'
    ? "if(position(props, '\"$identities\":') > 0, substring(props, 1, position(props, '\"$identities\":') - 1), props)"
    : 'props';
}

/** The raw JSON text of a property ('' when absent), its name bound under `<key>_path`. */
export function rawProperty(key: string, prop: string, event: string, params: Params): string {
  params[`${key}_path`] = prop;
  return `visitParamExtractRaw(${propsSource(event)}, {${key}_path:String})`;
}

/** What SQLite would make of a raw JSON value: its kind and its value as a string or number. */
export function jsonValue(raw: string, key: string, event: string) {
  const str = `visitParamExtractString(${propsSource(event)}, {${key}_path:String})`;
  const isString = `startsWith(${raw}, '"')`;
  const isNull = `${raw} IN ('', 'null')`;
  // json_extract gives true/false as the integers 1/0: they compare as numbers.
  const isNumeric = `NOT (${isString} OR ${isNull})`;
  const num = `multiIf(${raw} = 'true', 1., ${raw} = 'false', 0., toFloat64OrZero(${raw}))`;
  // SQLite's text of the value (instr converts numbers): booleans are 1/0, numbers as below.
  const text = `multiIf(${isString}, ${str}, ${raw} = 'true', '1', ${raw} = 'false', '0', ${sqliteNumberTextSql(raw)})`;
  return { str, isString, isNull, isNumeric, num, text };
}

/**
 * SQLite's text of a JSON number written by JSON.stringify (see sqliteNumberText): an integer
 * literal that fits an INTEGER keeps its digits; a REAL has the same shortest digits as JS, but
 * takes exponent form below 1e-4 and from 1e17 on, with at least one decimal and a two-digit
 * exponent (JS: 0.00001, 1e+21, 1.5e-7; SQLite: 1.0e-05, 1.0e+21, 1.5e-07).
 */
function sqliteNumberTextSql(raw: string): string {
  const sign = `if(startsWith(${raw}, '-'), '-', '')`;
  const digits = `replaceRegexpOne(${raw}, '^-', '')`;
  // An integer literal beyond INT64 is read as a REAL ≥ 1e18.
  const big = `replaceRegexpOne(${digits}, '0+$', '')`;
  const bigText = `concat(${sign}, substring(${big}, 1, 1), '.', if(length(${big}) > 1, substring(${big}, 2), '0'), 'e+', toString(length(${digits}) - 1))`;
  // 0.0000d… (JS writes fixed down to 1e-6): the zeros after the point give the exponent.
  const zeros = `length(extract(${raw}, '[.](0*)'))`;
  const small = `replaceRegexpOne(${digits}, '^0[.]0*', '')`;
  const smallText = `concat(${sign}, substring(${small}, 1, 1), '.', if(length(${small}) > 1, substring(${small}, 2), '0'), 'e-0', toString(${zeros} + 1))`;
  const expText = `replaceRegexpOne(replaceRegexpOne(${raw}, '^(-?[0-9]+)e', '\\\\1.0e'), 'e([+-])([0-9])$', 'e\\\\10\\\\2')`;
  return `multiIf(match(${raw}, '^-?[0-9]+$'), if(length(${digits}) < 19 OR (length(${digits}) = 19 AND ${digits} <= '9223372036854775807'), ${raw}, ${bigText}),
    position(${raw}, 'e') > 0, ${expText},
    abs(toFloat64OrZero(${raw})) < 0.0001, ${smallText}, ${raw})`;
}

function compileFilter(key: string, f: FunnelFilter, event: string, params: Params): string {
  if (f.prop in BUILT_IN_FIELDS) return builtInFilter(key, BUILT_IN_FIELDS[f.prop as BuiltInField], f, params);
  const v = jsonValue(rawProperty(key, f.prop, event, params), key, event);
  const eq = (value: Scalar, name: string): string => {
    if (typeof value === 'string') {
      params[name] = value;
      return `(${v.isString} AND ${v.str} = {${name}:String})`;
    }
    params[name] = Number(value);
    return `(${v.isNumeric} AND ${v.num} = {${name}:Float64})`;
  };
  switch (f.op) {
    case 'eq':
      return eq(scalar(f.value), `${key}_v`);
    case 'neq':
      // IS NOT in SQLite: an event without the property is "not equal" too.
      return `NOT ${eq(scalar(f.value), `${key}_v`)}`;
    case 'in':
      return list(f.value).map((x, j) => eq(x, `${key}_v${j}`)).join(' OR ');
    case 'contains':
      params[`${key}_v`] = String(f.value);
      return `NOT ${v.isNull} AND position(${v.text}, {${key}_v:String}) > 0`;
    case 'gt':
    case 'lt':
      // SQLite compares numbers only (typeof integer or real): JSON numbers and booleans.
      params[`${key}_v`] = Number(f.value);
      return `${v.isNumeric} AND ${v.num} ${f.op === 'gt' ? '>' : '<'} {${key}_v:Float64}`;
  }
}

/**
 * A filter on an event column, with SQLite's affinity rules: a TEXT column compares a bound
 * number as SQLite's text of a REAL (100 → '100.0'); the REAL column `revenue` compares a string
 * as a number when it reads as one. In SQLite `col IN (SELECT value FROM json_each(…))` on a TEXT
 * column matches strings only.
 */
function builtInFilter(key: string, column: string, f: FunnelFilter, params: Params): string {
  const real = column === 'revenue';
  const eq = (value: Scalar, name: string, inList = false): string | null => {
    if (real) {
      const n = typeof value === 'string' ? sqliteTextAsNumber(value) : Number(value);
      if (n === null) return null;
      params[name] = n;
      return `ifNull(${column} = {${name}:Float64}, 0)`;
    }
    if (inList && typeof value !== 'string') return null;
    params[name] = typeof value === 'string' ? value : sqliteNumberText(Number(value));
    return `ifNull(${column} = {${name}:String}, 0)`;
  };
  switch (f.op) {
    case 'eq':
      return eq(scalar(f.value), `${key}_v`) ?? '0';
    case 'neq':
      return `NOT ${eq(scalar(f.value), `${key}_v`) ?? '0'}`;
    case 'in': {
      const terms = list(f.value).map((x, j) => eq(x, `${key}_v${j}`, true)).filter((t) => t !== null);
      return terms.length ? terms.join(' OR ') : '0';
    }
    case 'contains': {
      params[`${key}_v`] = String(f.value);
      // SQLite's text of a REAL: integral values end in '.0'.
      const text = real
        ? `if(${column} = floor(${column}) AND abs(${column}) < 1e17, concat(toString(toInt64(${column})), '.0'), toString(${column}))`
        : column;
      return `ifNull(position(${text}, {${key}_v:String}) > 0, 0)`;
    }
    case 'gt':
    case 'lt':
      // Text never passes SQLite's typeof test; revenue is a REAL.
      if (!real) return '0';
      params[`${key}_v`] = Number(f.value);
      return `ifNull(${column} ${f.op === 'gt' ? '>' : '<'} {${key}_v:Float64}, 0)`;
  }
}

function scalar(value: FunnelFilter['value']): Scalar {
  if (Array.isArray(value)) throw new TypeError('a list value needs op "in"');
  return value;
}

function list(value: FunnelFilter['value']): Scalar[] {
  if (!Array.isArray(value)) throw new TypeError('op "in" takes a list');
  return value;
}

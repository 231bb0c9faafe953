/**
 * Compiles funnel steps and exclusions into SQL expressions over `events e`. Only fixed operator
 * text and parameter names go into the SQL; every value (event names, property paths, filter
 * values) is bound as a named parameter, so no user text is ever interpolated.
 */
import { BUILT_IN_FIELDS, type BuiltInField, type FunnelFilter } from './funnel-definition.js';

/** A condition: an event name and filters on its properties. */
export interface EventCondition {
  event: string;
  filters?: readonly FunnelFilter[];
}

/** SQL text plus the parameters it names. */
export interface CompiledSql {
  sql: string;
  params: Record<string, string | number | null>;
}

/**
 * A bitmask expression: bit k is set when condition k holds, e.g.
 * `iif(c0, 1, 0) + iif(c1, 2, 0)`. `iif` turns NULL (a missing property) into 0, where `|`
 * would turn the whole mask into NULL. `firstExtra` is ANDed to condition 0 only (the step-1
 * range limit).
 */
export function compileMask(prefix: string, conditions: readonly EventCondition[], firstExtra?: string): CompiledSql {
  if (conditions.length === 0) return { sql: '0', params: {} };
  const params: CompiledSql['params'] = {};
  const terms = conditions.map((c, k) => {
    let sql = compileCondition(`${prefix}${k}`, c, params);
    if (k === 0 && firstExtra) sql = `${sql} AND ${firstExtra}`;
    return `iif(${sql}, ${2 ** k}, 0)`;
  });
  return { sql: terms.join(' + '), params };
}

/** `e.event = @p_event AND <filters>`, registering the parameters in `params`. */
export function compileCondition(key: string, condition: EventCondition, params: CompiledSql['params']): string {
  params[`${key}_event`] = condition.event;
  const parts = [`e.event = @${key}_event`];
  (condition.filters ?? []).forEach((f, i) => parts.push(compileFilter(`${key}_f${i}`, f, params)));
  return parts.join(' AND ');
}

/** The SQL value of a property: a built-in column, or the property read from the JSON. */
export function fieldExpression(key: string, prop: string, params: CompiledSql['params']): string {
  if (prop in BUILT_IN_FIELDS) return `e.${BUILT_IN_FIELDS[prop as BuiltInField]}`;
  // Quoted member name: property names may contain `.` and `$`, which a bare path would
  // read as nesting. The name pattern excludes `"`, so the quoting cannot be broken.
  params[`${key}_path`] = `$."${prop}"`;
  return `json_extract(e.props, @${key}_path)`;
}

function compileFilter(key: string, f: FunnelFilter, params: CompiledSql['params']): string {
  const field = fieldExpression(key, f.prop, params);
  const v = `@${key}_v`;
  switch (f.op) {
    case 'eq':
      params[`${key}_v`] = sqlValue(f.value);
      return `${field} = ${v}`;
    case 'neq':
      // IS NOT: an event without the property is "not equal" too.
      params[`${key}_v`] = sqlValue(f.value);
      return `${field} IS NOT ${v}`;
    case 'in':
      // One JSON parameter, whatever the list length: json_each yields typed values.
      params[`${key}_v`] = JSON.stringify(f.value);
      return `${field} IN (SELECT value FROM json_each(${v}))`;
    case 'contains':
      params[`${key}_v`] = sqlValue(f.value);
      return `instr(${field}, ${v}) > 0`;
    case 'gt':
    case 'lt':
      // SQLite orders any text above any number; compare numbers only.
      params[`${key}_v`] = sqlValue(f.value);
      return `typeof(${field}) IN ('integer', 'real') AND ${field} ${f.op === 'gt' ? '>' : '<'} ${v}`;
  }
}

/** SQLite has no boolean: JSON true/false are read back as 1/0, so bind them that way. */
function sqlValue(value: FunnelFilter['value']): string | number {
  if (Array.isArray(value)) throw new TypeError('a list value needs op "in"');
  return typeof value === 'boolean' ? Number(value) : value;
}

/**
 * The shape of channel rules: plain data that an interpreter (`classifyChannel`) evaluates.
 * Keeping rules as data lets a site add its own rules and source categories without code.
 */

/** The channels of the default grouping (GA4's default channel groups plus Maidian's AI Assistants). */
export type DefaultChannelName =
  | 'Direct'
  | 'Cross-network'
  | 'Paid Shopping'
  | 'Paid Search'
  | 'Paid Social'
  | 'Paid Video'
  | 'Display'
  | 'Paid Other'
  | 'AI Assistants'
  | 'Organic Shopping'
  | 'Organic Social'
  | 'Organic Video'
  | 'Organic Search'
  | 'Referral'
  | 'Email'
  | 'Affiliates'
  | 'Audio'
  | 'SMS'
  | 'Mobile Push Notifications'
  | 'Unassigned';

/**
 * A channel name: one of the defaults, or a name a site defines in its own rules
 * (`string & {}` keeps editor completion for the defaults while allowing site channels).
 */
export type ChannelName = DefaultChannelName | (string & {});

/** A category of well-known source sites; `ai` marks AI assistants. */
export type SourceCategory = 'search' | 'social' | 'video' | 'shopping' | 'ai';

/** The traffic fields a condition may test. */
export type ConditionField = 'source' | 'medium' | 'campaign';

/** One test on one field. All comparisons are case-insensitive. */
export type Condition =
  /** The field equals `value`. */
  | { field: ConditionField; op: 'equals'; value: string }
  /** The field equals one of `values`. */
  | { field: ConditionField; op: 'in'; values: string[] }
  /** The field matches the regular expression `pattern` (compiled once, flag `i`). */
  | { field: ConditionField; op: 'regex'; pattern: string }
  /** The field contains `value`. */
  | { field: ConditionField; op: 'contains'; value: string }
  /** The field ends with `value`. */
  | { field: ConditionField; op: 'endsWith'; value: string }
  /** The source names a known site of `category` (see `SourceCategories`). */
  | { field: 'source'; op: 'sourceCategory'; category: SourceCategory };

/** A condition tree: a leaf, or all/any of sub-conditions. */
export type ConditionTree = Condition | { all: ConditionTree[] } | { any: ConditionTree[] };

/** One rule: when `when` holds, the traffic belongs to `channel`. */
export interface ChannelRule {
  channel: ChannelName;
  when: ConditionTree;
}

/** Known sites per category: canonical name → its host names and aliases. */
export type SourceCategories = Partial<Record<SourceCategory, Record<string, string[]>>>;

/** A complete rule set: evaluated in order, first match wins, `fallback` when none matches. */
export interface ChannelRules {
  /** Names the rule version implemented, recorded so reports can say which rules produced a channel. */
  version: string;
  rules: ChannelRule[];
  sourceCategories: SourceCategories;
  /** Mini-program launch scene → (source, medium), used when a launch carries no campaign. */
  scenes: MiniProgramScenes;
  /** Channel when no rule matches; GA4 says `Unassigned`. */
  fallback: ChannelName;
}

/** What a mini-program launch scene means for attribution. */
export interface SceneTraffic {
  source: string;
  medium: string;
  /** What the scene is, for documentation (English · 中文). */
  label?: string;
}

/** Launch scene value (as a string) → its traffic. */
export type MiniProgramScenes = Record<string, SceneTraffic>;

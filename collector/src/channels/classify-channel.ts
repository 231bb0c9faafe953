import type { ChannelName, ChannelRules } from './channel-rules.js';
import { compileChannelRules } from './compile-channel-rules.js';
import { DEFAULT_CHANNEL_RULES } from './default-rules.js';

/** The fields channel rules test. Missing values count as empty strings. */
export interface ChannelFields {
  source?: string;
  medium?: string;
  campaign?: string;
}

/**
 * Returns the channel of (source, medium, campaign) under `rules` (the defaults when omitted):
 * rules are tested in order, case-insensitively, and the first match wins.
 */
export function classifyChannel(fields: ChannelFields, rules: ChannelRules = DEFAULT_CHANNEL_RULES): ChannelName {
  const compiled = compileChannelRules(rules);
  const source = normalizeValue(fields.source);
  return compiled.classify({
    source,
    medium: normalizeValue(fields.medium),
    campaign: normalizeValue(fields.campaign),
    category: source ? compiled.lookupSource(source)?.category : undefined,
  });
}

/** Lowercased, trimmed value; reports group `Baidu ` with `baidu`. */
export function normalizeValue(value: string | undefined): string {
  return value ? value.trim().toLowerCase() : '';
}

/** Traffic source resolution and channel grouping: see docs/channels.md. */
export type * from './channel-rules.js';
export { classifyChannel, type ChannelFields } from './classify-channel.js';
export { resolveTraffic, type Traffic, type TrafficInput } from './resolve-traffic.js';
export { DEFAULT_CHANNEL_RULES, DEFAULT_RULES_VERSION } from './default-rules.js';
export { DEFAULT_SOURCE_CATEGORIES } from './source-categories.js';
export { DEFAULT_MINI_PROGRAM_SCENES } from './mini-program-scenes.js';
export { ChannelRulesOverride, parseChannelRulesOverride } from './channel-rules-override.js';
export { mergeChannelRules } from './merge-channel-rules.js';

/**
 * The format of a site dictionary: the tracking plan of one site (统一指标口径). It declares the
 * site's custom events and the extra properties its standard events may carry, each with a type,
 * a required flag, allowed values and a description in English and Chinese.
 *
 * A site dictionary is a JSON file, loaded at start and versioned: every stored or quarantined
 * event records the dictionary version it was checked against.
 */
import { z } from 'zod';
import { bi } from './describe.js';
import { NAME_PATTERN } from './events.js';

const Text = z
  .object({
    en: z.string().min(1).meta(bi('English text', '英文文本')),
    zh: z.string().min(1).meta(bi('Chinese text', '中文文本')),
  })
  .strict()
  .meta(bi('A text in English and Chinese', '中英文文本'));

export const PropertySpec = z
  .object({
    type: z.enum(['string', 'number', 'integer', 'boolean']).meta(bi('Value type', '值类型')),
    required: z.boolean().default(false).meta(bi('The property must be present', '该属性必须出现')),
    enum: z.array(z.union([z.string(), z.number()])).min(1).optional().meta(bi('Allowed values', '允许的取值')),
    min: z.number().optional().meta(bi('Smallest allowed number', '允许的最小数值')),
    max: z.number().optional().meta(bi('Largest allowed number', '允许的最大数值')),
    description: Text,
  })
  .strict()
  .meta(bi('Declaration of one event property', '一个事件属性的声明'));

export const EventSpec = z
  .object({
    description: Text,
    properties: z.record(z.string().regex(NAME_PATTERN), PropertySpec).default({}),
  })
  .strict()
  .meta(bi('Declaration of one event', '一个事件的声明'));

export const SiteDictionary = z
  .object({
    site: z.string().min(1).max(64).meta(bi('Site id', '站点 ID')),
    version: z.number().int().positive().meta(bi('Dictionary version; raise it on every change', '字典版本；每次修改时递增')),
    mode: z
      .enum(['strict', 'warn'])
      .default('strict')
      .meta(bi('strict: unknown events or properties are quarantined; warn: stored and flagged', 'strict：未声明的事件或属性进入隔离区；warn：照常存储并标记')),
    events: z
      .record(z.string().regex(NAME_PATTERN).max(64), EventSpec)
      .default({})
      .meta(bi('Custom events, and extra properties of standard events (page_view, click, conversion)', '自定义事件，以及标准事件（page_view、click、conversion）的附加属性')),
  })
  .strict()
  .meta({ title: 'SiteDictionary', ...bi('The tracking plan of one site', '一个站点的埋点方案') });

export type PropertySpec = z.infer<typeof PropertySpec>;
export type EventSpec = z.infer<typeof EventSpec>;
export type SiteDictionary = z.infer<typeof SiteDictionary>;
export type SiteDictionaryInput = z.input<typeof SiteDictionary>;

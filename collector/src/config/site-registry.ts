import { resolve } from 'node:path';
import type { SiteConfig } from './config-schema.js';
import type { SiteDictionary } from '../dictionary/site-dictionary.js';
import { DictionaryError, loadSiteDictionary } from '../dictionary/load-site-dictionary.js';
import type { ChannelRules } from '../channels/channel-rules.js';
import { DEFAULT_CHANNEL_RULES } from '../channels/default-rules.js';
import { mergeChannelRules } from '../channels/merge-channel-rules.js';

/** A configured site with its current dictionary. */
export interface SiteRuntime {
  config: SiteConfig;
  dictionaryPath: string;
  dictionary: SiteDictionary;
  /** The channel rules ingest applies: the site's overrides merged into the defaults, compiled once. */
  channelRules: ChannelRules;
}

/**
 * The sites the collector serves. Dictionaries are loaded at start and reloaded on demand (a
 * quarantine replay reloads first, so a fixed dictionary file takes effect without a restart).
 */
export class SiteRegistry {
  private readonly sites = new Map<string, SiteRuntime>();

  constructor(configs: SiteConfig[], baseDir: string) {
    for (const config of configs) {
      const dictionaryPath = resolve(baseDir, config.dictionary);
      const channelRules = config.channels ? mergeChannelRules(DEFAULT_CHANNEL_RULES, config.channels) : DEFAULT_CHANNEL_RULES;
      this.sites.set(config.id, { config, dictionaryPath, dictionary: loadChecked(dictionaryPath, config.id), channelRules });
    }
  }

  /** The site with this id, or undefined. */
  get(id: string): SiteRuntime | undefined {
    return this.sites.get(id);
  }

  /** Every configured site. */
  all(): SiteRuntime[] {
    return [...this.sites.values()];
  }

  /** Re-reads a site's dictionary from disk; on error the previous one stays and the error is thrown. */
  reloadDictionary(id: string): SiteRuntime {
    const site = this.sites.get(id);
    if (!site) throw new Error(`unknown site "${id}"`);
    site.dictionary = loadChecked(site.dictionaryPath, id);
    return site;
  }
}

function loadChecked(file: string, siteId: string): SiteDictionary {
  const dictionary = loadSiteDictionary(file);
  if (dictionary.site !== siteId) {
    throw new DictionaryError(file, [
      { path: '/site', code: 'site_mismatch', message: `dictionary is for site "${dictionary.site}" but is configured for site "${siteId}"`, expected: JSON.stringify(siteId) },
    ]);
  }
  return dictionary;
}

/**
 * Chinese and English. The choice is remembered in localStorage; the first visit follows the
 * browser language (zh-* → Chinese, anything else → English).
 */
import { en, type MessageKey } from './i18n/en.js';
import { zh } from './i18n/zh.js';

/** A language of the dashboard. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'maidian.lang';
const messages: Record<Lang, Record<MessageKey, string>> = { en, zh };
let current: Lang = initialLang();

function initialLang(): Lang {
  const saved = safeStorage()?.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the choice lasts for this page only
  }
}

/** The current language. */
export function lang(): Lang {
  return current;
}

/** Switches and remembers the language; sets `<html lang>`. */
export function setLang(next: Lang): void {
  current = next;
  safeStorage()?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Picks the current language from a bilingual text of the API. */
export function pick(text: { en: string; zh: string } | undefined | null): string {
  return text ? text[current] || text.en : '';
}

/** The BCP 47 locale for number and date formats. */
export function locale(): string {
  return current === 'zh' ? 'zh-CN' : 'en-US';
}

export type { MessageKey };

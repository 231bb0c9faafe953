import { isbot } from 'isbot';

/**
 * 1 when the user agent is a known crawler or headless tool. Bots are flagged, not dropped, so
 * reports can exclude them and their volume stays visible.
 */
export function detectBot(ua: string | null | undefined): 0 | 1 {
  return ua && isbot(ua) ? 1 : 0;
}

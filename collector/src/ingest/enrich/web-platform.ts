import type { Platform } from '../../dictionary/wire-types.js';

/** Phones' browsers say "Mobi" (Mobile, Mobi); WeChat's in-app browser says MicroMessenger. */
const MOBILE_OR_IN_APP = /Mobi|MicroMessenger/;

/**
 * The platform stored for an event. The tracking script sends `web` for every browser; the
 * collector tells mobile and in-app browsers (`h5`) from desktop ones by the User-Agent, which
 * it sees anyway. Mini-program platforms, and `h5` sent by older scripts, are kept.
 */
export function webPlatform(platform: Platform, userAgent: string | null | undefined): Platform {
  return platform === 'web' && userAgent && MOBILE_OR_IN_APP.test(userAgent) ? 'h5' : platform;
}

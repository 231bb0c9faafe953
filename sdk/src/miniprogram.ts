/**
 * The mini-program build (WeChat `wx`, Alipay `my`, ByteDance `tt`; works under Taro and uni-app).
 *   init({ site, endpoint });
 *   Page(MaidianPage({ onShow() { … } }));   // sends a page_view on every show
 * Nothing global is patched: only pages wrapped with MaidianPage / MaidianComponent send views.
 */
import type { Options } from './core/options.js';
import type { ConversionInput, Tracker } from './core/tracker.js';
import { createTracker } from './core/tracker.js';
import { checkOptions, settle } from './core/options.js';
import type { MiniProgramPlatform } from './platform/miniprogram.js';
import { wechatPlatform, type WechatApi } from './platform/wechat.js';
import { alipayPlatform, type AlipayApi } from './platform/alipay.js';
import { bytedancePlatform } from './platform/bytedance.js';

export type { Options } from './core/options.js';
export type { Tracker, ConversionInput, DebugState } from './core/tracker.js';
export type { WireEvent, Properties, PropertyValue, Identities, Campaign, Context } from '../../collector/src/dictionary/wire-types.js';
export type { MiniProgramPlatform, MiniProgramApi, LaunchOptions } from './platform/miniprogram.js';
export type { WechatApi } from './platform/wechat.js';
export type { AlipayApi } from './platform/alipay.js';

declare const wx: WechatApi | undefined;
declare const my: AlipayApi | undefined;
declare const tt: WechatApi | undefined;

let tracker: Tracker | undefined;
let platform: MiniProgramPlatform | undefined;

/** The runtime this code runs in: ByteDance and Alipay first, as some of their tools also define `wx`. */
function detect(): MiniProgramPlatform {
  if (typeof tt != 'undefined' && tt) return bytedancePlatform(tt);
  if (typeof my != 'undefined' && my) return alipayPlatform(my);
  if (typeof wx != 'undefined' && wx) return wechatPlatform(wx);
  throw new Error('maidian: no mini-program runtime found (wx, my or tt)');
}

/** Starts tracking; call once in app.js. `adapter` overrides the runtime detection. */
export function init(options: Options, adapter?: MiniProgramPlatform): Tracker {
  if (!tracker) {
    checkOptions(options);
    platform = adapter || detect();
    tracker = createTracker(platform, settle(options));
  }
  return tracker;
}

/** Sends a custom event. */
export const track = (name: string, props?: Parameters<Tracker['track']>[1]) => tracker?.track(name, props);
/** Sends a page view of the current page (the wrappers do it on every show). */
export const page = (props?: Parameters<Tracker['page']>[0]) => tracker?.page(props);
/** Sends a conversion: `{ goal, value, currency, order_id? }`. */
export const conversion = (c: ConversionInput) => tracker?.conversion(c);
/** Links the visitor to a user id, with identities such as `{ openid, unionid, phone }`. */
export const identify = (...a: Parameters<Tracker['identify']>) => tracker?.identify(...a);
/** Logout: new anonymous id and session. */
export const reset = () => tracker?.reset();
/** Sends everything queued now. */
export const flush = () => (tracker ? tracker.flush() : Promise.resolve());

type Shown = { route?: string; options?: Record<string, string> };
type Hook = (this: Shown, ...args: unknown[]) => unknown;

/** Records the shown page and sends its view, then runs the page's own `onShow`. */
const shown = (own?: Hook): Hook =>
  function (...args) {
    if (platform) platform.current = { route: this.route, options: this.options };
    page();
    return own?.apply(this, args);
  };

/** Wraps `Page()` options so every `onShow` sends a page_view: `Page(MaidianPage({ … }))`. */
export function MaidianPage<T extends { onShow?: Hook }>(options: T): T {
  return { ...options, onShow: shown(options.onShow) };
}

/** Wraps `Component()` options of a component used as a page (`methods.onShow`). */
export function MaidianComponent<T extends { methods?: { onShow?: Hook } }>(options: T): T {
  return { ...options, methods: { ...options.methods, onShow: shown(options.methods?.onShow) } };
}

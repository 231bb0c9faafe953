import type { Context } from '../../../collector/src/dictionary/wire-types.js';
import { serial } from '../core/serial.js';
import type { KV, Landing, PlatformAdapter, Reply } from '../core/platform.js';

/** Launch options as `getLaunchOptionsSync()` and `onAppShow` give them. */
export interface LaunchOptions {
  path?: string;
  query?: Record<string, string>;
  scene?: number | string;
}

/** The part of a mini-program runtime (`wx`, `my`, `tt`) the SDK uses. */
export interface MiniProgramApi {
  request(o: {
    url: string;
    method: 'POST';
    data: string;
    header?: Record<string, string>;
    headers?: Record<string, string>;
    success(r: { statusCode?: number; status?: number; header?: Record<string, string>; headers?: Record<string, string> }): void;
    fail(e: unknown): void;
  }): void;
  getLaunchOptionsSync?(): LaunchOptions;
  onAppShow?(f: (o: LaunchOptions) => void): void;
  onAppHide?(f: () => void): void;
  onNetworkStatusChange?(f: (r: { isConnected: boolean }) => void): void;
  getSystemInfoSync(): Record<string, any>;
}

/** A mini-program adapter, plus the page the `MaidianPage` wrappers last showed. */
export type MiniProgramPlatform = PlatformAdapter & { current: { route?: string; options?: Record<string, string> } };

/** `path?a=1&b=2` with the values URL-encoded, as page URLs and landings are reported. */
export const withQuery = (path = '', query: Record<string, string | undefined> = {}) => {
  const q = Object.keys(query).map((k) => k + '=' + encodeURIComponent(query[k] ?? '')).join('&');
  return q ? path + '?' + q : path;
};

const landingOf = (o: LaunchOptions = {}): Landing => ({ url: withQuery(o.path, o.query), scene: o.scene });
const headerOf = (h: Record<string, string> = {}) => h['Retry-After'] ?? h['retry-after'];

/**
 * The adapter shared by the mini-program runtimes. Requests carry the JSON body as is (there is
 * no CORS in mini-programs); the launch scene and query are the landing's campaign fields.
 */
export function miniProgramPlatform(api: MiniProgramApi, platform: Context['platform'], store: KV): MiniProgramPlatform {
  const info = api.getSystemInfoSync();
  const ua = [info.brand, info.model, info.system, info.platform, platform + '/' + info.version].join('; ');
  const self: MiniProgramPlatform = {
    kv: store,
    ids: store,
    // No beacon, Do-Not-Track or offline flag in mini-programs: a failed request is retried, and
    // the network-status hook flushes when the connection is back.
    beacon: () => false,
    offline: () => false,
    dnt: () => false,
    current: {},
    withLock: serial(), // a mini-program is one "tab"
    post: (url, data) =>
      new Promise<Reply>((resolve, reject) => {
        const header = { 'Content-Type': 'application/json' };
        api.request({
          url, method: 'POST', data, header, headers: header, fail: reject,
          success: (r) => resolve({ status: (r.statusCode ?? r.status)!, headers: { get: () => headerOf(r.header || r.headers) } }),
        });
      }),
    describe: () => {
      const url = withQuery(self.current.route, self.current.options).slice(0, 2048);
      return {
        platform,
        page: self.current.route ? { url, path: self.current.route.slice(0, 2048) } : undefined,
        locale: info.language,
        screen: { width: info.screenWidth | 0, height: info.screenHeight | 0 },
        userAgent: ua.slice(0, 512),
      };
    },
    landing: () => landingOf(api.getLaunchOptionsSync?.()),
    listen(leave, online, landed) {
      api.onAppHide?.(leave);
      api.onAppShow?.((o) => landed!(landingOf(o)));
      api.onNetworkStatusChange?.((r) => r.isConnected && online());
    },
  };
  return self;
}

import type { MiniProgramApi, MiniProgramPlatform } from './miniprogram.js';
import { miniProgramPlatform } from './miniprogram.js';

/** The part of Alipay's `my` the SDK uses: its storage calls take an options object. */
export type AlipayApi = MiniProgramApi & {
  getStorageSync(o: { key: string }): { data?: string | null };
  setStorageSync(o: { key: string; data: string }): void;
  removeStorageSync(o: { key: string }): void;
};

/** The Alipay adapter. */
export function alipayPlatform(my: AlipayApi): MiniProgramPlatform {
  return miniProgramPlatform(my, 'alipay', {
    get: (key) => my.getStorageSync({ key }).data ?? undefined,
    set: (key, data) => (data == null ? my.removeStorageSync({ key }) : my.setStorageSync({ key, data })),
  });
}

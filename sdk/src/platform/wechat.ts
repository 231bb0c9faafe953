import type { MiniProgramApi, MiniProgramPlatform } from './miniprogram.js';
import { miniProgramPlatform } from './miniprogram.js';

/** The part of `wx` (and ByteDance's look-alike `tt`) the SDK uses, storage included. */
export type WechatApi = MiniProgramApi & {
  getStorageSync(key: string): string | undefined;
  setStorageSync(key: string, value: string): void;
  removeStorageSync(key: string): void;
};

/** The WeChat adapter (also the shape of ByteDance's `tt`). */
export function wechatPlatform(wx: WechatApi, platform: 'wechat' | 'bytedance' = 'wechat'): MiniProgramPlatform {
  return miniProgramPlatform(wx, platform, {
    get: (k) => wx.getStorageSync(k) || undefined,
    set: (k, v) => (v == null ? wx.removeStorageSync(k) : wx.setStorageSync(k, v)),
  });
}

import type { MiniProgramPlatform } from './miniprogram.js';
import { wechatPlatform, type WechatApi } from './wechat.js';

/** The ByteDance (Douyin, Toutiao) adapter: `tt` mirrors `wx` in everything the SDK uses. */
export const bytedancePlatform = (tt: WechatApi): MiniProgramPlatform => wechatPlatform(tt, 'bytedance');

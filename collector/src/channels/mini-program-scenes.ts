import type { MiniProgramScenes } from './channel-rules.js';

/**
 * Common WeChat mini-program launch scenes → (source, medium). The launch scene plays the role of
 * the referrer in a mini-program, which has no URL referrer. Sources are chosen so the default rules
 * give the right channel: `wechat`, `wechat_oa`, `wechat_ads` are social sites (Organic or Paid
 * Social by medium), `wechat_search` is a search site. A scene not listed resolves to Direct; its raw
 * value is still stored with the event.
 */
export const DEFAULT_MINI_PROGRAM_SCENES: MiniProgramScenes = {
  // Entry points the user opens on purpose: no campaign, no referrer.
  '1001': { source: '(direct)', medium: '(none)', label: 'Discover / task bar entry · 发现栏小程序主入口' },
  '1010': { source: '(direct)', medium: '(none)', label: 'Favourites · 收藏夹' },
  '1023': { source: '(direct)', medium: '(none)', label: 'Android home-screen icon · 安卓系统桌面图标' },
  '1089': { source: '(direct)', medium: '(none)', label: 'Recent list (pull down in chats) · 微信聊天主界面下拉最近使用' },
  '1103': { source: '(direct)', medium: '(none)', label: 'My mini-programs (Discover) · 发现-小程序-我的小程序' },
  '1104': { source: '(direct)', medium: '(none)', label: 'My mini-programs (pull down) · 微信聊天主界面下拉-我的小程序' },
  // WeChat search.
  '1005': { source: 'wechat_search', medium: 'organic', label: 'Top search box results · 微信首页顶部搜索框的搜索结果页' },
  '1006': { source: 'wechat_search', medium: 'organic', label: 'Mini-program search results · 发现栏小程序主入口搜索框的搜索结果页' },
  '1027': { source: 'wechat_search', medium: 'organic', label: 'Search: used mini-programs · 顶部搜索框搜索结果页“使用过的小程序”' },
  '1042': { source: 'wechat_search', medium: 'organic', label: 'Add-friend search results · 添加好友搜索框的搜索结果页' },
  '1053': { source: 'wechat_search', medium: 'organic', label: 'Search (Sou Yi Sou) results · 搜一搜的结果页' },
  // Shares between people.
  '1007': { source: 'wechat', medium: 'share', label: 'Card in a one-to-one chat · 单人聊天会话中的小程序消息卡片' },
  '1008': { source: 'wechat', medium: 'share', label: 'Card in a group chat · 群聊会话中的小程序消息卡片' },
  '1036': { source: 'wechat', medium: 'share', label: 'Card shared from an app · App 分享消息卡片' },
  '1044': { source: 'wechat', medium: 'share', label: 'Card with shareTicket · 带 shareTicket 的小程序消息卡片' },
  '1154': { source: 'wechat', medium: 'moments', label: 'Moments single-page mode · 朋友圈内打开“单页模式”' },
  // QR codes and mini-program codes: mostly print and offline placements.
  '1011': { source: 'qrcode', medium: 'offline', label: 'Scanned QR code · 扫描二维码' },
  '1012': { source: 'qrcode', medium: 'offline', label: 'Long-press QR code in an image · 长按图片识别二维码' },
  '1013': { source: 'qrcode', medium: 'offline', label: 'QR code from the photo album · 扫描手机相册中选取的二维码' },
  '1047': { source: 'qrcode', medium: 'offline', label: 'Scanned mini-program code · 扫描小程序码' },
  '1048': { source: 'qrcode', medium: 'offline', label: 'Long-press mini-program code · 长按图片识别小程序码' },
  '1049': { source: 'qrcode', medium: 'offline', label: 'Mini-program code from the album · 扫描手机相册中选取的小程序码' },
  // Official accounts (公众号): the site's own content, Organic Social.
  '1035': { source: 'wechat_oa', medium: 'menu', label: 'Official account menu · 公众号自定义菜单' },
  '1043': { source: 'wechat_oa', medium: 'message', label: 'Official account template message · 公众号模板消息' },
  '1058': { source: 'wechat_oa', medium: 'article', label: 'Official account article · 公众号文章' },
  '1074': { source: 'wechat_oa', medium: 'message', label: 'Card sent in an official account chat · 公众号会话下发的小程序消息卡片' },
  '1082': { source: 'wechat_oa', medium: 'message', label: 'Text link sent in an official account chat · 公众号会话下发的文字链' },
  // Another mini-program.
  '1037': { source: 'wechat_miniprogram', medium: 'referral', label: 'Opened from another mini-program · 小程序打开小程序' },
  '1038': { source: 'wechat_miniprogram', medium: 'referral', label: 'Returned from another mini-program · 从另一个小程序返回' },
  // Ads bought on WeChat: Paid Social.
  '1045': { source: 'wechat_ads', medium: 'cpc', label: 'Moments ad · 朋友圈广告' },
  '1046': { source: 'wechat_ads', medium: 'cpc', label: 'Moments ad detail page · 朋友圈广告详情页' },
  '1067': { source: 'wechat_ads', medium: 'cpc', label: 'Official account article ad · 公众号文章广告' },
  '1084': { source: 'wechat_ads', medium: 'cpc', label: 'Moments ad native page · 朋友圈广告原生页' },
  '1095': { source: 'wechat_ads', medium: 'cpc', label: 'Mini-program ad component · 小程序广告组件' },
  // Subscription messages are notifications the user opted into.
  '1014': { source: 'wechat_message', medium: 'push', label: 'Subscription message · 小程序订阅消息' },
};

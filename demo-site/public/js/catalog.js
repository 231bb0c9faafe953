/**
 * The tea catalogue of the demo shop. Prices are in CNY (yuan). A real shop would load this from
 * its back end; a constant keeps the demo static.
 */
export const CURRENCY = 'CNY';

/** Orders of at least this amount ship free; smaller ones pay SHIPPING_FEE. */
export const FREE_SHIPPING_FROM = 99;
export const SHIPPING_FEE = 12;

export const PRODUCTS = [
  {
    id: 'longjing',
    name: { en: 'West Lake Longjing', zh: '西湖龙井' },
    category: 'green',
    price: 168,
    blurb: { en: 'Pan-fired spring green tea from Hangzhou, chestnut-sweet.', zh: '杭州明前手炒绿茶，豆香清甜。' },
  },
  {
    id: 'tieguanyin',
    name: { en: 'Anxi Tieguanyin', zh: '安溪铁观音' },
    category: 'oolong',
    price: 128,
    blurb: { en: 'Rolled oolong with an orchid fragrance and a long finish.', zh: '兰花香浓郁，回甘持久的乌龙茶。' },
  },
  {
    id: 'dianhong',
    name: { en: 'Yunnan Dianhong', zh: '云南滇红' },
    category: 'black',
    price: 98,
    blurb: { en: 'Golden-tipped black tea, malty and honeyed.', zh: '金毫显露，蜜香醇厚的红茶。' },
  },
  {
    id: 'baihao',
    name: { en: 'Silver Needle', zh: '白毫银针' },
    category: 'white',
    price: 238,
    blurb: { en: 'Hand-picked buds from Fuding, light and floral.', zh: '福鼎单芽手采，清雅花香。' },
  },
  {
    id: 'puer',
    name: { en: "Ripe Pu'er Cake", zh: '普洱熟茶饼' },
    category: 'dark',
    price: 198,
    blurb: { en: 'A 357 g pressed cake, earthy and smooth.', zh: '357 克七子饼，陈香顺滑。' },
  },
];

/** The product with this id, or undefined. */
export function findProduct(id) {
  return PRODUCTS.find((p) => p.id === id);
}

/** A price as the shop shows it, e.g. "¥168". */
export function formatPrice(amount) {
  return `¥${amount.toFixed(amount % 1 === 0 ? 0 : 2)}`;
}

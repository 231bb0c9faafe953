/**
 * Product detail (product.html?id=…): shows the tea, sends view_product, and wires the
 * add-to-cart button whose click the SDK reports through its data-md-* attributes.
 */
import { CURRENCY, findProduct, formatPrice } from './catalog.js';
import { addToCart, showCartBadge } from './cart.js';

const CATEGORY_NAMES = { green: '绿茶 Green', oolong: '乌龙 Oolong', black: '红茶 Black', white: '白茶 White', dark: '黑茶 Dark' };

showCartBadge();

const product = findProduct(new URLSearchParams(location.search).get('id') ?? '');
if (!product) {
  document.getElementById('not-found').hidden = false;
} else {
  document.title = `${product.name.zh} ${product.name.en} · 山茶 Camellia Tea`;
  document.getElementById('product-category').textContent = CATEGORY_NAMES[product.category];
  document.getElementById('product-name').textContent = `${product.name.zh} ${product.name.en}`;
  document.getElementById('product-price').textContent = formatPrice(product.price);
  document.getElementById('product-blurb').textContent = `${product.blurb.zh} ${product.blurb.en}`;

  const button = document.getElementById('add-to-cart');
  button.dataset.mdPropProductId = product.id;
  button.dataset.mdPropCategory = product.category;
  button.addEventListener('click', () => {
    addToCart(product.id);
    showCartBadge();
    document.getElementById('added').hidden = false;
  });
  document.getElementById('product').hidden = false;

  maidian('track', 'view_product', {
    product_id: product.id,
    category: product.category,
    price: product.price,
    currency: CURRENCY,
  });
}

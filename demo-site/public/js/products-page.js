/** Product list: one card per tea, each linking to its detail page. */
import { PRODUCTS, formatPrice } from './catalog.js';
import { showCartBadge } from './cart.js';

showCartBadge();

const list = document.getElementById('product-list');
for (const p of PRODUCTS) {
  const li = document.createElement('li');
  li.className = 'card';
  const link = document.createElement('a');
  link.href = `/product.html?id=${encodeURIComponent(p.id)}`;
  link.id = `product-${p.id}`;
  link.innerHTML = `<strong></strong> <span class="en"></span>`;
  link.querySelector('strong').textContent = p.name.zh;
  link.querySelector('.en').textContent = p.name.en;
  const price = document.createElement('span');
  price.textContent = formatPrice(p.price);
  const blurb = document.createElement('p');
  blurb.textContent = `${p.blurb.zh} ${p.blurb.en}`;
  li.append(link, price, blurb);
  list.append(li);
}

/**
 * Checkout: lists the cart, sends begin_checkout, and on "Place order" sends the purchase
 * conversion with the order's value — the revenue Maidian reports.
 */
import { CURRENCY, findProduct, formatPrice } from './catalog.js';
import { cartLines, cartTotals, clearCart, showCartBadge } from './cart.js';

showCartBadge();

/** An order number as a shop's back end would assign it, e.g. CT-20250401-7f3a9c. */
function newOrderId() {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return `CT-${day}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function showCart(lines, totals) {
  const body = document.querySelector('#cart-table tbody');
  for (const line of lines) {
    const p = findProduct(line.id);
    const row = body.insertRow();
    row.insertCell().textContent = `${p.name.zh} ${p.name.en}`;
    row.insertCell().textContent = String(line.quantity);
    row.insertCell().textContent = formatPrice(p.price * line.quantity);
  }
  document.getElementById('shipping').textContent = totals.shipping ? formatPrice(totals.shipping) : '包邮 Free';
  document.getElementById('total').textContent = formatPrice(totals.total);
  document.getElementById('cart-table').hidden = false;
  document.getElementById('place-order').hidden = false;
}

function placeOrder(totals) {
  const orderId = newOrderId();
  maidian('conversion', {
    goal: 'purchase',
    value: totals.total,
    currency: CURRENCY,
    order_id: orderId,
    items: totals.items,
    shipping: totals.shipping,
  });
  clearCart();
  showCartBadge();
  document.getElementById('order-id').textContent = orderId;
  document.getElementById('paid').textContent = formatPrice(totals.total);
  document.getElementById('cart').hidden = true;
  document.getElementById('confirmation').hidden = false;
}

const lines = cartLines();
const totals = cartTotals(lines);
if (lines.length === 0) {
  document.getElementById('cart-empty').hidden = false;
} else {
  showCart(lines, totals);
  maidian('track', 'begin_checkout', { value: totals.total, currency: CURRENCY, items: totals.items });
  document.getElementById('place-order').addEventListener('click', () => placeOrder(totals), { once: true });
}

document.getElementById('subscribe').addEventListener('click', () => {
  document.getElementById('subscribed').hidden = false;
});

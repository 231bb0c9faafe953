/**
 * The shopping cart, kept in localStorage so it survives page changes. The cart is the shop's
 * own state; Maidian only sees the events the pages send about it.
 */
import { findProduct, FREE_SHIPPING_FROM, SHIPPING_FEE } from './catalog.js';

const KEY = 'camellia-cart';

/** Lines of the cart: [{ id, quantity }]. */
export function cartLines() {
  try {
    const lines = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(lines) ? lines.filter((l) => findProduct(l.id)) : [];
  } catch {
    return [];
  }
}

/** Adds one unit of a product. */
export function addToCart(id) {
  const lines = cartLines();
  const line = lines.find((l) => l.id === id);
  if (line) line.quantity += 1;
  else lines.push({ id, quantity: 1 });
  localStorage.setItem(KEY, JSON.stringify(lines));
}

export function clearCart() {
  localStorage.removeItem(KEY);
}

/** Item count, subtotal, shipping and total of the cart. */
export function cartTotals(lines = cartLines()) {
  const items = lines.reduce((n, l) => n + l.quantity, 0);
  const subtotal = lines.reduce((sum, l) => sum + findProduct(l.id).price * l.quantity, 0);
  const shipping = subtotal === 0 || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
  return { items, subtotal, shipping, total: subtotal + shipping };
}

/** Shows the item count in the header badge, if the page has one. */
export function showCartBadge() {
  const badge = document.querySelector('[data-cart-count]');
  if (badge) badge.textContent = String(cartTotals().items);
}

/** Landing page: the newsletter form and the cart badge. */
import { showCartBadge } from './cart.js';

showCartBadge();

const form = document.getElementById('newsletter-form');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  // The address itself stays out of analytics: only the fact and the placement are tracked.
  maidian('track', 'newsletter_subscribe', { placement: 'landing' });
  form.hidden = true;
  document.getElementById('newsletter-thanks').hidden = false;
});

/**
 * Signup: "creates" the account in the browser (the demo has no back end), then tells Maidian
 * who the visitor is and that they signed up.
 */
import { showCartBadge } from './cart.js';

showCartBadge();

/** A member id as a shop's back end would return it. */
function newMemberId() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `m_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const form = document.getElementById('signup-form');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const userId = newMemberId();
  // identify first, so the signup event below already carries the new user id. The email goes
  // in as an identity: the collector stores it salted and hashed, never in clear.
  maidian('identify', userId, { email: String(data.get('email')) }, { city: String(data.get('city')) });
  maidian('track', 'signup', { method: 'email' });
  localStorage.setItem('camellia-member', userId);
  form.hidden = true;
  document.getElementById('user-id').textContent = userId;
  document.getElementById('welcome').hidden = false;
});

/** Sign-in: paste a read token; it is checked against `GET /v1/sites` before it is kept. */
import { apiGet, ApiError } from '../api.js';
import { errorBox } from '../components/states.js';
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { saveToken } from '../session.js';
import { resetSites } from '../sites.js';
import { param } from '../state.js';

/** Renders the sign-in form into `main`. */
export function render(main: HTMLElement): void {
  const id = uid('token');
  const input = h('input', { attrs: { id, name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, minlength: 1 } });
  const status = h('div', { attrs: { 'aria-live': 'polite' } });
  if (param('reason') === 'expired') status.append(h('p', { class: 'state error', attrs: { role: 'alert' } }, t('signin.expired')));
  const button = h('button', { class: 'button', attrs: { type: 'submit' } }, t('signin.submit'));
  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const token = input.value.trim();
    button.disabled = true;
    status.replaceChildren(h('p', { class: 'state loading', attrs: { role: 'status' } }, t('signin.checking')));
    try {
      const { sites } = await apiGet<{ sites: unknown[] }>('/v1/sites', {}, { token });
      if (sites.length === 0) throw new ApiError(403, 'forbidden', t('signin.noSites'));
      saveToken(token);
      resetSites();
      navigate('', {}, true);
    } catch (err) {
      status.replaceChildren(errorBox(err));
      button.disabled = false;
      input.focus();
    }
  };
  main.append(h('div', { class: 'signin card' },
    h('h1', null, t('signin.title')),
    h('p', null, t('signin.intro')),
    h('form', { on: { submit: (ev) => void submit(ev) } },
      h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('signin.token')), input),
      button),
    status));
  input.focus();
}

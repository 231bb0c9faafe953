/**
 * Asks for the admin token in a modal dialog. The token is returned to the caller for one call
 * and never stored: a read-only session should not quietly keep administrative power.
 */
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';

/** Resolves with the token entered, or null when cancelled. */
export function askAdminToken(confirmLabel: string = t('admin.confirm')): Promise<string | null> {
  return new Promise((resolve) => {
    const id = uid('admin-token');
    const input = h('input', { attrs: { id, type: 'password', autocomplete: 'off', required: true, name: 'admin-token' } });
    let result: string | null = null;
    const dialog = h('dialog', { attrs: { 'aria-labelledby': `${id}-title` } },
      h('form', { attrs: { method: 'dialog' }, on: { submit: () => { result = input.value.trim() || null; } } },
        h('h2', { attrs: { id: `${id}-title` } }, t('admin.title')),
        h('p', { class: 'muted' }, t('admin.intro')),
        h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('admin.token')), input),
        h('div', { class: 'actions' },
          h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: () => dialog.close() } }, t('admin.cancel')),
          h('button', { class: 'button', attrs: { type: 'submit' } }, confirmLabel)),
      ));
    dialog.addEventListener('close', () => {
      input.value = '';
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}

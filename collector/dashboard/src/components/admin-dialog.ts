/**
 * Asks for the admin token in a modal dialog, with any other inputs the action needs (an
 * incident's owner and note, a funnel's name). The token is returned to the caller for one call
 * and never stored: a read-only session should not quietly keep administrative power.
 */
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';

/** An extra input of the dialog. */
export interface DialogField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  value?: string;
}

/** What the dialog says and asks. */
export interface AdminDialogOptions {
  /** The confirm button's label (the action, e.g. "Acknowledge"). */
  confirm: string;
  /** Why the token is needed; defaults to the generic sentence. */
  intro?: string;
  fields?: DialogField[];
}

/** The token and the values of the extra inputs (trimmed). */
export interface AdminAnswer {
  token: string;
  values: Record<string, string>;
}

/** Resolves with the token and field values, or null when cancelled. */
export function askAdmin(o: AdminDialogOptions): Promise<AdminAnswer | null> {
  return new Promise((resolve) => {
    const id = uid('admin-token');
    const input = h('input', { attrs: { id, type: 'password', autocomplete: 'off', required: true, name: 'admin-token' } });
    const controls = (o.fields ?? []).map((f) => fieldControl(f));
    let result: AdminAnswer | null = null;
    const submit = () => {
      const token = input.value.trim();
      const values = Object.fromEntries(controls.map(({ field, control }) => [field.name, control.value.trim()]));
      result = token ? { token, values } : null;
    };
    const dialog = h('dialog', { attrs: { 'aria-labelledby': `${id}-title` } },
      h('form', { attrs: { method: 'dialog' }, on: { submit } },
        h('h2', { attrs: { id: `${id}-title` } }, t('admin.title')),
        h('p', { class: 'muted' }, o.intro ?? t('admin.intro')),
        ...controls.map((c) => c.wrapper),
        h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('admin.token')), input),
        h('div', { class: 'actions' },
          h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: () => dialog.close() } }, t('admin.cancel')),
          h('button', { class: 'button', attrs: { type: 'submit' } }, o.confirm)),
      ));
    dialog.addEventListener('close', () => {
      input.value = '';
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    (controls[0]?.control ?? input).focus();
  });
}

/** Resolves with the token entered, or null when cancelled. */
export async function askAdminToken(confirmLabel: string = t('admin.confirm')): Promise<string | null> {
  return (await askAdmin({ confirm: confirmLabel }))?.token ?? null;
}

function fieldControl(f: DialogField): { field: DialogField; control: HTMLInputElement | HTMLTextAreaElement; wrapper: HTMLElement } {
  const id = uid(`dialog-${f.name}`);
  const attrs = { id, name: f.name, required: f.required ?? false, maxlength: f.maxLength ?? null, autocomplete: 'off' };
  const control = f.multiline ? h('textarea', { attrs: { ...attrs, rows: 3 } }) : h('input', { attrs: { ...attrs, type: 'text' } });
  control.value = f.value ?? '';
  return { field: f, control, wrapper: h('div', { class: 'field' }, h('label', { attrs: { for: id } }, f.label), control) };
}

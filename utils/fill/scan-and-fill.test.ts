// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { selectOption, setControlValue, setFile } from './fill-dom';
import { describe as describeField, isFillable, scanDocument } from './scan-dom';
import { classifyField } from './kinds';

// happy-dom lays nothing out: give every element a box unless the test moves it off the page.
beforeEach(() => {
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    const left = Number(this.dataset.left ?? 10);
    return { x: left, y: 10, left, top: 10, right: left + 200, bottom: 40, width: 200, height: 30, toJSON() {} } as DOMRect;
  };
});

describe('scanning a form', () => {
  it('reads labels, aria, placeholder, help and adjacent text, and skips what must never be filled', () => {
    document.body.innerHTML = `
      <form>
        <label for="name">Instance name</label><input id="name" name="name" value="acme">
        <label for="url">Base URL</label><input id="url" name="base_url" placeholder="https://yourcompany.jamfcloud.com">
        <div><span id="cid-label">Client ID</span><input aria-labelledby="cid-label" aria-describedby="cid-help"><small id="cid-help">From API Roles and Clients</small></div>
        <label>Client Password <input type="password" name="pw" value="old"></label>
        <div>https://<input aria-label="Tenant">.jamfcloud.com</div>
        <input type="hidden" name="csrf" value="x">
        <input name="disabled" disabled>
        <input name="readonly" readonly>
        <div style="display:none"><input name="invisible"></div>
        <input name="offscreen" data-left="-9999">
        <fieldset disabled><input name="in-disabled-fieldset"></fieldset>
        <div hidden><input name="in-hidden"></div>
      </form>`;
    const fields = scanDocument(document).map((field) => field.info);
    expect(fields.map((field) => field.label)).toEqual(['Instance name', 'Base URL', 'Client ID', 'Client Password', 'Tenant']);
    // The next field's label is not this field's help (it made "Instance name" look like a URL field).
    expect(fields[0]).toMatchObject({ help: '', hasValue: true });
    expect(classifyField(fields[0])).toBeUndefined();
    expect(fields[1]).toMatchObject({ name: 'base_url', placeholder: 'https://yourcompany.jamfcloud.com', hasValue: false });
    expect(fields[2].help).toContain('From API Roles and Clients');
    expect(fields[3]).toMatchObject({ type: 'password', hasValue: true });
    expect(fields[4]).toMatchObject({ prefix: 'https://', suffix: '.jamfcloud.com' });
  });

  it('never offers hidden, disabled, read-only or off-screen fields', () => {
    document.body.innerHTML =
      '<input id="a" readonly><input id="b" disabled><input id="c" data-left="-5000"><input id="d" style="visibility:hidden"><input id="e">';
    const fillable = ['a', 'b', 'c', 'd', 'e'].map((id) => isFillable(document.getElementById(id) as HTMLInputElement));
    expect(fillable).toEqual([false, false, false, false, true]);
  });

  it('reads a select with its options', () => {
    document.body.innerHTML =
      '<label for="r">Region</label><select id="r"><option value="">Choose</option><option value="us">US</option><option value="eu">EU</option></select>';
    expect(describeField(document.getElementById('r') as HTMLSelectElement)).toMatchObject({
      tag: 'select',
      label: 'Region',
      hasValue: false,
      options: [
        { value: '', text: 'Choose' },
        { value: 'us', text: 'US' },
        { value: 'eu', text: 'EU' },
      ],
    });
  });
});

/** React's way: the element keeps the last value React set, and a change shows only against it. */
function controlled(input: HTMLInputElement): { state: () => string } {
  let tracked = input.value;
  let state = input.value;
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => native.get!.call(input),
    set: (next: string) => {
      tracked = next;
      native.set!.call(input, next);
    },
  });
  input.addEventListener('input', () => {
    const now = native.get!.call(input) as string;
    if (now !== tracked) {
      tracked = now;
      state = now;
    }
  });
  return { state: () => state };
}

describe('filling', () => {
  it('a controlled input sees the change through the native setter and the input event', () => {
    document.body.innerHTML = '<input id="x">';
    const input = document.getElementById('x') as HTMLInputElement;
    const react = controlled(input);
    setControlValue(input, 'acme.jamfcloud.com');
    expect(input.value).toBe('acme.jamfcloud.com');
    expect(react.state()).toBe('acme.jamfcloud.com');
  });

  it('(the trap it avoids: assigning through the element leaves the framework on the old value)', () => {
    document.body.innerHTML = '<input id="x">';
    const input = document.getElementById('x') as HTMLInputElement;
    const react = controlled(input);
    input.value = 'typed behind React';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(react.state()).toBe('');
  });

  it('input, change and blur reach listeners (Angular, Vue .lazy, validate-on-blur forms)', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const area = document.getElementById('t') as HTMLTextAreaElement;
    const seen: string[] = [];
    for (const type of ['input', 'change', 'blur']) area.addEventListener(type, () => seen.push(type));
    setControlValue(area, 'PEM');
    expect(seen).toEqual(['input', 'change', 'blur']);
    expect(area.value).toBe('PEM');
  });

  it('a select gets its option and a change event', () => {
    document.body.innerHTML = '<select id="s"><option value="">-</option><option value="eu">EU</option></select>';
    const select = document.getElementById('s') as HTMLSelectElement;
    let changed = 0;
    select.addEventListener('change', () => changed++);
    selectOption(select, 1);
    expect([select.value, changed]).toEqual(['eu', 1]);
  });

  it('a file input gets the key as a .pem file', async () => {
    document.body.innerHTML = '<input id="f" type="file" accept=".pem">';
    const input = document.getElementById('f') as HTMLInputElement;
    if (typeof DataTransfer === 'undefined') return; // happy-dom without DataTransfer: covered end to end
    setFile(input, '-----BEGIN PRIVATE KEY-----\n', 'key.pem');
    expect(input.files?.[0]?.name).toBe('key.pem');
    expect(await input.files![0].text()).toContain('BEGIN PRIVATE KEY');
  });
});

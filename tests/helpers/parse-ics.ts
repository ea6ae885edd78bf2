// A small iCalendar reader for tests: unfolds lines (RFC 5545 §3.1), splits properties and
// parameters, unescapes TEXT, and returns components as nested objects.
export interface IcsComponent {
  name: string;
  props: Record<string, { value: string; params: Record<string, string> }[]>;
  components: IcsComponent[];
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function parseIcs(text: string): IcsComponent {
  if (/[^\r]\n/.test(text) || !text.endsWith('\r\n')) throw new Error('Lines must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`Line longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const root: IcsComponent = { name: 'ROOT', props: {}, components: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component = { name: value, props: {}, components: [] };
      stack[stack.length - 1].components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      if (stack.pop()?.name !== value) throw new Error(`Unbalanced END:${value}`);
    } else {
      const params = Object.fromEntries(paramParts.map((part) => part.split('=') as [string, string]));
      (stack[stack.length - 1].props[name] ??= []).push({ value, params });
    }
  }
  if (stack.length !== 1 || root.components.length !== 1) throw new Error('Not one calendar');
  return root.components[0];
}

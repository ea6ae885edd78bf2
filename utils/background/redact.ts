// Last line of defence: whatever a vendor module put in a report, no secret value leaves the worker.
const MIN_SECRET_LENGTH = 6;

export function redactDeep<T>(value: T, secrets: string[]): T {
  const needles = secrets.filter((secret) => secret && secret.length >= MIN_SECRET_LENGTH);
  if (!needles.length) return value;
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return needles.reduce((text, needle) => text.split(needle).join('[redacted]'), node);
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)]));
    return node;
  };
  return visit(value) as T;
}

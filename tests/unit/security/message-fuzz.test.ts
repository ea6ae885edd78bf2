// Property-based fuzzing of the one message door. Over 10,000 generated malformed requests, built
// from a valid request of every type by one hostile mutation (wrong type, missing field, extra
// field, huge string, deep nesting, __proto__ / constructor keys, unknown or non-string type),
// are each sent by an extension page, a content script and another extension. Every reply must be
// the typed refusal (INVALID_INPUT, or FORBIDDEN_SENDER for the other extension) in a short
// message, and storage (local and session) must be byte-for-byte what it was.
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../support/fake-vendor';
import { grantAllHosts, PASS, requestTemplates, senders, self, snapshot, VALUES } from './fixtures';

vi.mock('../../../utils/vendors/registry', () => registryMock);

const { routeMessage } = await import('../../../utils/background/router');
const { requestSchema } = await import('../../../utils/protocol');

type Json = unknown;
interface Case {
  strategy: string;
  message: Json;
}

const PAYLOAD_COUNT = 10_500;
/** One string too long for every field of the protocol (the longest, a hand-off JWE, allows 2,000,000). */
const HUGE = 'A'.repeat(2_000_001);
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'then', ''];

/** An own, enumerable `__proto__` key, as JSON.parse (and so any serialised message) produces. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function nested(depth: number, asArray: boolean): unknown {
  let node: unknown = 'leaf';
  for (let i = 0; i < depth; i++) node = asArray ? [node] : { a: node };
  return node;
}

/** A value of another JSON type than `current`, never one the field accepts. */
function wrongValue(current: unknown, nullable: boolean): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [
    fc.boolean(),
    fc.constant([{ not: 'a string' }]),
    fc.constant({ deep: { deeper: 1 } }),
    fc.integer({ min: 2, max: 50 }).map((depth) => nested(depth, depth % 2 === 0)),
  ];
  if (typeof current !== 'string') choices.push(fc.string({ maxLength: 40 }));
  if (typeof current !== 'number') choices.push(fc.oneof(fc.integer(), fc.double({ noNaN: false })));
  if (!nullable && current !== null) choices.push(fc.constant(null));
  return fc.oneof(...choices);
}

/** Fields whose template value is a string but that also accept null, and the reverse. */
const nullableFields = new Set(['credentials.updateMeta.expiresAt']);
const stringAlsoAccepted = new Set(['console.observed.step']);

function caseArbitrary(templates: ReturnType<typeof requestTemplates>): fc.Arbitrary<Case> {
  const types = Object.keys(templates) as (keyof typeof templates)[];
  const type = fc.constantFrom(...types);

  const wrongField: fc.Arbitrary<Case> = type.chain((t): fc.Arbitrary<Case> => {
    const payload = templates[t].payload as Record<string, unknown>;
    const fields = Object.keys(payload);
    if (!fields.length) return fc.constant({ strategy: 'wrong-type(payload)', message: { type: t, payload: 'not an object' } });
    return fc.constantFrom(...fields).chain((field) => {
      const key = `${t}.${field}`;
      let replacement = wrongValue(payload[field], nullableFields.has(key));
      if (stringAlsoAccepted.has(key)) replacement = replacement.filter((value) => typeof value !== 'string' && value !== null);
      return replacement.map((value) => ({ strategy: `wrong-type(${field})`, message: { type: t, payload: { ...payload, [field]: value } } }));
    });
  });

  const missingField: fc.Arbitrary<Case> = type
    .filter((t) => templates[t].required.length > 0)
    .chain((t) =>
      fc.constantFrom(...templates[t].required).map((field) => {
        const payload = { ...(templates[t].payload as Record<string, unknown>) };
        delete payload[field];
        return { strategy: `missing(${field})`, message: { type: t, payload } };
      }),
    );

  const extraField: fc.Arbitrary<Case> = fc
    .tuple(type, fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 30 })), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
    .filter(([t, key]) => !(key in (templates[t].payload as object)) && !['type', 'payload'].includes(key))
    .map(([t, key, value, atTop]) => {
      const payload = templates[t].payload as Record<string, unknown>;
      return atTop
        ? { strategy: `extra-top(${key})`, message: withOwnKey({ type: t, payload }, key, value) }
        : { strategy: `extra(${key})`, message: { type: t, payload: withOwnKey(payload, key, value) } };
    });

  const hugeString: fc.Arbitrary<Case> = type
    .filter((t) => Object.values(templates[t].payload as object).some((value) => typeof value === 'string'))
    .chain((t) => {
      const payload = templates[t].payload as Record<string, unknown>;
      const fields = Object.keys(payload).filter((field) => typeof payload[field] === 'string');
      return fc.constantFrom(...fields).map((field) => ({ strategy: `huge(${field})`, message: { type: t, payload: { ...payload, [field]: HUGE } } }));
    });

  const deepNesting: fc.Arbitrary<Case> = fc.tuple(type, fc.integer({ min: 10, max: 3000 }), fc.boolean()).map(([t, depth, asArray]) => {
    const payload = templates[t].payload as Record<string, unknown>;
    const field = Object.keys(payload)[0] ?? 'nested';
    return { strategy: `deep(${depth})`, message: { type: t, payload: { ...payload, [field]: nested(depth, asArray) } } };
  });

  const valuesWithValues = (['credentials.add', 'credentials.update', 'capture.submit'] as const).filter((t) => t in templates);
  const badValues: fc.Arbitrary<Case> = fc
    .tuple(
      fc.constantFrom(...valuesWithValues),
      fc.oneof(
        // A key the protocol refuses: own __proto__, punctuation, a leading digit, too long, empty.
        fc.constantFrom('__proto__', 'a-b', '1abc', 'x'.repeat(42), '', 'with space').map((key) => ({ key, value: 'x' as unknown })),
        // A value that is not a string, or too long for any field.
        fc.oneof(fc.integer(), fc.constant(null), fc.constant({ nested: 'object' }), fc.constant(['array']), fc.constant('v'.repeat(20_001))).map((value) => ({ key: 'clientSecret', value })),
      ),
    )
    .map(([t, { key, value }]) => {
      const payload = templates[t].payload as Record<string, unknown>;
      return { strategy: `values(${key || 'empty key'})`, message: { type: t, payload: { ...payload, values: withOwnKey({ ...VALUES }, key, value) } } };
    });
  const tooManyValues: fc.Arbitrary<Case> = fc.constantFrom(...valuesWithValues).map((t) => {
    const values = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`field${i}`, 'x']));
    return { strategy: 'values(13 fields)', message: { type: t, payload: { ...(templates[t].payload as object), values } } };
  });

  const badPayload: fc.Arbitrary<Case> = fc
    .tuple(type, fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant([]), fc.constant([templates['vault.unlock'].payload])))
    .map(([t, payload]) => ({ strategy: 'payload-not-an-object', message: { type: t, payload } }));
  const missingPayload: fc.Arbitrary<Case> = type
    .filter((t) => templates[t].required.length > 0)
    .map((t) => ({ strategy: 'payload-missing', message: { type: t } }));

  const badType: fc.Arbitrary<Case> = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...PROTOTYPE_NAMES),
        type.map((t) => t.toUpperCase()),
        type.map((t) => ` ${t}`),
        type.map((t) => `${t}\u0000`),
        fc.string({ maxLength: 30 }).filter((text) => !(types as string[]).includes(text)),
        fc.oneof(fc.integer(), fc.constant(null), fc.constant({ type: 'vault.status' }), fc.constant(['vault.status']), fc.boolean()),
      ),
      fc.oneof(fc.constant(undefined), fc.constant({}), fc.jsonValue({ maxDepth: 2 })),
    )
    .map(([t, payload]) => ({ strategy: 'bad-type', message: { type: t, payload } }));
  const notAMessage: fc.Arbitrary<Case> = fc
    .oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.constant({ payload: {} }))
    .map((message) => ({ strategy: 'not-a-message', message }));

  return fc.oneof(
    { arbitrary: wrongField, weight: 4 },
    { arbitrary: missingField, weight: 2 },
    { arbitrary: extraField, weight: 3 },
    { arbitrary: hugeString, weight: 2 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: badValues, weight: 2 },
    { arbitrary: tooManyValues, weight: 1 },
    { arbitrary: badPayload, weight: 2 },
    { arbitrary: missingPayload, weight: 1 },
    { arbitrary: badType, weight: 2 },
    { arbitrary: notAMessage, weight: 1 },
  );
}

let credentialId = '';

beforeAll(async () => {
  fakeBrowser.reset();
  grantAllHosts();
  await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, senders.page, self);
  const added = await routeMessage({ type: 'credentials.add', payload: { vendor: 'jamf-pro', values: VALUES } }, senders.page, self);
  if (!added.ok) throw new Error('set-up failed');
  credentialId = (added.data as { id: string }).id;
  const tested = await routeMessage({ type: 'credentials.test', payload: { id: credentialId } }, senders.page, self);
  expect(tested.ok).toBe(true);
});

describe('the message door under fuzzing', () => {
  it('has a template for every request type the protocol defines', () => {
    const schemaTypes = requestSchema().def.options.map((option) => option.shape.type.def.values[0]).sort();
    expect(Object.keys(requestTemplates(credentialId)).sort()).toEqual(schemaTypes);
    for (const [type, { payload }] of Object.entries(requestTemplates(credentialId))) {
      expect(requestSchema().safeParse({ type, payload }).success, type).toBe(true);
    }
  });

  it(`refuses ${PAYLOAD_COUNT.toLocaleString('en')} malformed requests from every kind of sender with a typed error and changes nothing`, async () => {
    const templates = requestTemplates(credentialId);
    const before = await snapshot();
    const strategies = new Map<string, number>();
    const seenTypes = new Set<string>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary(templates), async ({ strategy, message }) => {
        strategies.set(strategy.replace(/\(.*/, ''), (strategies.get(strategy.replace(/\(.*/, '')) ?? 0) + 1);
        const type = (message as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && Object.hasOwn(templates, type)) seenTypes.add(type);
        for (const [name, sender] of Object.entries(senders)) {
          const reply = await routeMessage(message, sender, self);
          const expected = name === 'foreign' ? 'FORBIDDEN_SENDER' : 'INVALID_INPUT';
          if (reply.ok || reply.error.code !== expected) {
            throw new Error(`${strategy} from ${name}: expected ${expected}, got ${JSON.stringify(reply).slice(0, 300)}`);
          }
          if (typeof reply.error.message !== 'string' || reply.error.message.length > 400 || reply.error.message.includes('AAAAAAAAAA')) {
            throw new Error(`${strategy} from ${name}: the error message is not Keyhold's own short words`);
          }
          if ((await snapshot()) !== before) throw new Error(`${strategy} from ${name} changed storage`);
        }
        sent++;
      }),
      { numRuns: PAYLOAD_COUNT, seed: Number(process.env.FUZZ_SEED ?? 20_240_610), endOnFailure: true },
    );
    expect(sent).toBe(PAYLOAD_COUNT);
    // The generator really covered every mutation and every request type.
    expect([...strategies.keys()].sort()).toEqual(
      ['bad-type', 'deep', 'extra', 'extra-top', 'huge', 'missing', 'not-a-message', 'payload-missing', 'payload-not-an-object', 'values', 'wrong-type'].sort(),
    );
    expect([...seenTypes].sort()).toEqual(Object.keys(templates).sort());
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('refuses requests whose values carry hostile keys (constructor, toString…) at the schema, changing nothing', async () => {
    const before = await snapshot();
    const hostile = fc.tuple(fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'), fc.string({ maxLength: 50 }), fc.boolean());
    await fc.assert(
      fc.asyncProperty(hostile, async ([key, value, alone]) => {
        const values = alone ? { [key]: value } : { ...VALUES, [key]: value };
        const requests = [
          { sender: senders.page, message: { type: 'credentials.add', payload: { vendor: 'jamf-pro', values } }, code: 'INVALID_INPUT' },
          { sender: senders.page, message: { type: 'credentials.update', payload: { id: credentialId, values } }, code: 'INVALID_INPUT' },
          { sender: senders.contentScript, message: { type: 'capture.submit', payload: { vendor: 'jamf-pro', values } }, code: 'INVALID_INPUT' },
        ];
        for (const { sender, message, code } of requests) {
          // Refused by the protocol schema itself (issue #19), not only by the vendor schema behind it.
          expect(requestSchema().safeParse(message).success).toBe(false);
          const reply = await routeMessage(message, sender, self);
          expect(reply).toMatchObject({ ok: false, error: { code } });
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    // Object.prototype is untouched.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

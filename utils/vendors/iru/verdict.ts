// Reading a set of probe answers. One 401 or 403 does not condemn a token: Iru answers 403 for a
// permission the token lacks, and its own samples are not consistent about 401 versus 403. So a
// single success proves the token valid (the refusals become permission rows), and only when every
// call was refused does Keyhold say which cause is likelier.

export type ProbeOutcome = 'granted' | 'denied' | 'unauthenticated';

export interface ProbeResult {
  /** The console's permission name the call needs. */
  permission: string;
  outcome: ProbeOutcome;
  /** A second-opinion call outside the template: counts for validity, not as a permission row. */
  control?: boolean;
}

export type Verdict =
  /** At least one call worked: the token is valid; `missing` are template permissions refused. */
  | { kind: 'valid'; granted: string[]; missing: string[] }
  /** Every call answered 401: the token is unknown to this tenant. */
  | { kind: 'rejected' }
  /** Every call was refused and at least one with 403: the token is known but has no permission. */
  | { kind: 'no-permissions' };

export function outcomeOf(status: number): ProbeOutcome | null {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'denied';
  return status >= 200 && status < 300 ? 'granted' : null;
}

export function verdict(results: ProbeResult[]): Verdict {
  const rows = results.filter((result) => !result.control);
  if (results.some((result) => result.outcome === 'granted')) {
    return {
      kind: 'valid',
      granted: rows.filter((row) => row.outcome === 'granted').map((row) => row.permission),
      missing: rows.filter((row) => row.outcome !== 'granted').map((row) => row.permission),
    };
  }
  return results.length > 0 && results.every((result) => result.outcome === 'unauthenticated')
    ? { kind: 'rejected' }
    : { kind: 'no-permissions' };
}

function list(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The plain-word message for a verdict. `host` is the API host; `template` the template's name. */
export function verdictMessage(result: Verdict, host: string, template: { name: string; privileges: string[] }): string {
  const edit = 'In Iru, open Access → API tokens, click the token, click Edit, tick';
  switch (result.kind) {
    case 'valid': {
      const total = template.privileges.length;
      if (!result.missing.length) {
        return `The token works on ${host} and has ${total === 1 ? 'the permission' : `all ${total} permissions`} the ${template.name} template needs.`;
      }
      const count = result.missing.length === 1 ? '1 permission' : `${result.missing.length} permissions`;
      return `The token works on ${host}, but it lacks ${count} the ${template.name} template needs: ${list(result.missing)}. ${edit} ${result.missing.length === 1 ? 'it' : 'them'} and click Save.`;
    }
    case 'rejected':
      return `${host} refused the token on every call (HTTP 401). Most likely it was revoked, mistyped, or belongs to another tenant. Check that it is still listed under Access → API tokens in the tenant whose API URL is ${host}; if it is not, create a new token.`;
    case 'no-permissions':
      return `${host} refused every call Keyhold made (HTTP 403): most likely the token is valid but has no API permissions yet (a new token starts with none, and Skip leaves it so). ${edit} ${list(template.privileges)} and click Save. If the token is not listed there, it was revoked: create a new one.`;
  }
}

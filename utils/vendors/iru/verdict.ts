import { t } from '../../i18n/translate';

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
  return names.length < 2
    ? names.join('')
    : t('vendor.common.listAnd', [names.slice(0, -1).join(t('vendor.common.listSeparator')), names.at(-1)!]);
}

/** The plain-word message for a verdict. `host` is the API host; `template` the template's name. */
export function verdictMessage(result: Verdict, host: string, template: { name: string; privileges: string[] }): string {
  // Sentences from locales/*.yml (vendor.iru.verdict), in the admin's language; permission names stay Iru's.
  switch (result.kind) {
    case 'valid': {
      const total = template.privileges.length;
      if (!result.missing.length) {
        return total === 1
          ? t('vendor.iru.verdict.worksOne', [host, template.name])
          : t('vendor.iru.verdict.worksAll', [host, String(total), template.name]);
      }
      return result.missing.length === 1
        ? t('vendor.iru.verdict.lacksOne', [host, template.name, list(result.missing)])
        : t('vendor.iru.verdict.lacksMany', [host, String(result.missing.length), template.name, list(result.missing)]);
    }
    case 'rejected':
      return t('vendor.iru.verdict.rejected', [host]);
    case 'no-permissions':
      return t('vendor.iru.verdict.noPermissions', [host, list(template.privileges)]);
  }
}

// Jamf School in the page: the API key (Organization → Settings → API) found by its shape in the
// key's dialog or on the API page, and the Network ID where the page shows it (a labelled
// number, or "network=<id>" in the MDM server URL of Devices → Enroll Device(s)). DOM-only.
import type { Recognition, VendorConsole } from '../types';
import { dialogs, valueOf } from '../recognition';
import { labelledValues, shownValues } from '../jamf-protect/shown-values';
import { jamfSchoolDetector } from './detect';

/** One public sample is 32 letters and digits; 24–64 are accepted. A 40-hex UDID is not a key. */
const isKey = (value: string) => /^[A-Za-z0-9]{24,64}$/.test(value) && !/^[0-9a-f]{40}$/i.test(value);

function findKey(url: URL, doc: Document): Element | undefined {
  for (const root of [...dialogs(doc.body), ...(/\/api\b|settings/i.test(url.pathname) ? [doc.body] : [])]) {
    const keys = shownValues(root).filter((el) => isKey(valueOf(el)));
    if (keys.length === 1) return keys[0];
  }
}

function recognise(url: URL, doc: Document): Recognition[] {
  const key = jamfSchoolDetector.detect(url, { doc }) && doc.body && findKey(url, doc);
  if (!key) return [];
  const values: Recognition['values'] = { baseUrl: url.origin, apiKey: valueOf(key) };
  const labelled = labelledValues(doc.body, /network/, (value) => /^\d{4,12}$/.test(value))[0];
  const networkId = labelled ? valueOf(labelled) : /[?&]network=(\d{4,12})/.exec(doc.body.textContent ?? '')?.[1];
  if (networkId) values.networkId = networkId;
  return [{ type: 'jamf-school', anchor: key, values }];
}

export const jamfSchoolConsole: VendorConsole = {
  ...jamfSchoolDetector,
  currentStep(url, doc) {
    if (recognise(url, doc).length) return 'capture';
    return /enroll/i.test(url.pathname) ? 'network-id' : /settings/i.test(url.pathname) ? 'add-key' : 'open-api';
  },
  recognise,
};

// Jamf School and Jamf Pro share <name>.jamfcloud.com, so the host alone names neither. The page
// and the path decide: Jamf Pro's UI lives under /view/…, legacy *.html pages and /api (its
// reference at /api/doc); Jamf School documents its API at /api/docs, and its own UI sections
// (Devices, Users, Classes, Organisation…) sit at the top level. A page with no marker (the root,
// a sign-in page) is Jamf School only when the document names it. No imports beyond the Jamf Pro
// path reader: both detectors use this one rule so that no URL is claimed by both.
import { contextPathOf, isJamfCloudHost } from '../jamf-pro/base-url';

/** Top-level School sections (inferred from School's navigation; Jamf Pro has none of these). */
const SCHOOL_SECTION =
  /^\/(?:organi[sz]ation|devices|device-?groups|users|user-?groups|classes|apps|profiles|locations|teacher|dep)(?:\/|$)/i;

/** Does the document say it is Jamf School (title, application name, or a link to /api/docs)? */
export function documentSaysSchool(doc: Document | undefined): boolean {
  if (!doc) return false;
  const name = `${doc.title} ${doc.querySelector('meta[name="application-name"]')?.getAttribute('content') ?? ''}`;
  return /jamf school/i.test(name) || doc.querySelector('a[href$="/api/docs"],a[href="/api/docs"]') !== null;
}

/** Is this Jamf Cloud page a Jamf School page? */
export function isJamfSchoolPage(url: URL, doc?: Document): boolean {
  if (url.protocol !== 'https:' || url.port || !isJamfCloudHost(url.hostname)) return false;
  const path = url.pathname;
  if (/^\/api\/docs(?:\/|$)/.test(path)) return true;
  if (contextPathOf(path) === '') return false; // /view/…, /api/…, legacy Jamf Pro pages
  if (SCHOOL_SECTION.test(path)) return true;
  return documentSaysSchool(doc);
}

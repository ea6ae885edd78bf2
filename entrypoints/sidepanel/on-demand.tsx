// The side panel's parts that the first paint does not need, loaded when they are shown: the
// guide (only beside a console tab), a credential's details (once one is opened), "Report this
// page" and the add-by-hand form with its paste parser. Keeps the panel's up-front bundle small.
import { lazy } from 'react';

export const ConsoleGuide = lazy(() => import('./console-guide').then((module) => ({ default: module.ConsoleGuide })));
export const AddByHand = lazy(() => import('./console-guide').then((module) => ({ default: module.AddByHand })));
export const CredentialDetails = lazy(() =>
  import('@/components/credential-details').then((module) => ({ default: module.CredentialDetails })),
);
export const ReportPage = lazy(() => import('@/components/report-page').then((module) => ({ default: module.ReportPage })));

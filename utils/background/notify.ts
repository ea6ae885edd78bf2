// Browser notifications, worded without any value: label, vendor and what to do.
import { browser } from 'wxt/browser';
import { reportFailure } from './report-failure';

export async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications
    .create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message })
    .catch(reportFailure('notification')); // notifications off: the badge and pages still show it
}

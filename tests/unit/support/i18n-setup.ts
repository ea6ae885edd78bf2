// WXT's fake browser has no i18n; give it Chrome's getMessage over the English messages, so code under
// test shows the same words the built extension shows in an English browser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './locale-messages';

const getMessage = getMessageFrom(await chromeMessages('en'));
fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';

import { browser } from 'wxt/browser';
import { createAsk } from './ask';

/** Ask the background from an extension page (popup, options, audit, first run). */
export const ask = createAsk((message) => browser.runtime.sendMessage(message));

import { browser } from 'wxt/browser';
import { BUNDLED_REGISTRY_FILE, startReadingBundledRegistry } from './bundled-file';

/** The bundled registry's URL: a file the build adds, not one of the public folder's, so not among wxt's typed paths. */
export const bundledRegistryUrl = (): string => browser.runtime.getURL(`/${BUNDLED_REGISTRY_FILE}` as Parameters<typeof browser.runtime.getURL>[0]);

// Side effect, on purpose: entrypoints/background.ts imports this module first, so the read starts before the rest of
// the worker's script is evaluated.
startReadingBundledRegistry(bundledRegistryUrl());

import { browser } from 'wxt/browser';
import { BUNDLED_REGISTRY_FILE, startReadingBundledRegistry } from './bundled-file';

/** The bundled registry's URL: a file the build adds, not one of the public folder's, so not among wxt's typed paths. */
export const bundledRegistryUrl = (): string => (browser.runtime.getURL as (path: string) => string)(`/${BUNDLED_REGISTRY_FILE}`);

// Side effect, on purpose: entrypoints/background.ts imports this module first, so the read starts before the rest of
// the worker's script is evaluated.
startReadingBundledRegistry(bundledRegistryUrl());

/** Translate a message key (from `_locales`) with optional substitutions. Components take one as a prop. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

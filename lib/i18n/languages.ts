/**
 * The languages the extension's messages are written in (assets/public/_locales). Its own module: the build step that
 * writes the locale tables (lib/cli/locale-tables.ts) needs it before those tables exist.
 */
export const MESSAGE_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

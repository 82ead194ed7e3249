/**
 * Why a download or a check failed, in the user's words: the background's reasons are short English texts
 * (lib/registry/download.ts, refresh.ts); each known kind maps to a message key and its substitutions, the rest is
 * shown as it is. Pure.
 */
export function reasonInWords(reason: string): { key: string; subs: string[] } {
  let m: RegExpExecArray | null;
  if ((m = /^HTTP (\d{3})/.exec(reason))) return { key: 'errHttp', subs: [m[1]!] };
  if (/^timed out/.test(reason)) return { key: 'errTimeout', subs: [] };
  if (/^network error/.test(reason)) return { key: 'errNetwork', subs: [] };
  if (/HTML instead|^got text\/html/i.test(reason)) return { key: 'errHtml', subs: [] };
  if (/^too large/.test(reason)) return { key: 'errTooLarge', subs: [] };
  if (/^(truncated|not JSON|empty file|no body)/.test(reason)) return { key: 'errIncomplete', subs: [] };
  if ((m = /^only (\d+) entries against (\d+) before/.exec(reason))) return { key: 'errShrunk', subs: [m[1]!, m[2]!] };
  if (/^redirected/.test(reason)) return { key: 'errRedirect', subs: [] };
  if (/^no valid entry/.test(reason)) return { key: 'errNoEntry', subs: [] };
  if (/^(unreadable|not a registry|schemaVersion|expected a compiled)/.test(reason)) return { key: 'errFormat', subs: [] };
  if (/^(only https URLs|credentials in the URL|no port|not a host name|not a URL)/.test(reason)) return { key: 'errUnsafeUrl', subs: [] };
  return { key: 'errOther', subs: [reason] };
}

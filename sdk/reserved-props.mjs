/**
 * Property names the minifier must keep in the script-tag build. Every other property name is
 * internal to the SDK and gets shortened (DOM and JavaScript built-ins are kept by terser itself).
 * test/sdk/size.test.ts checks that every field of the event dictionary is listed here, and the
 * browser test validates what the built script sends against the dictionary.
 */
export const RESERVED_PROPS = [
  // wire format: events, context, campaign, batch envelope
  'id', 'ts', 'anonymousId', 'userId', 'sessionId', 'sessionStart', 'event', 'props', 'context',
  'platform', 'library', 'name', 'version', 'page', 'url', 'path', 'title', 'referrer', 'campaign',
  'first', 'locale', 'timezone', 'screen', 'width', 'height', 'userAgent', 'scene', 'landing',
  'identities', 'traits', 'site', 'key', 'sentAt', 'batch',
  'tag', 'text', 'href', 'selector', 'outbound', 'download', 'goal', 'value', 'currency', 'order_id', 'dropped',
  // public API, its options and debug state
  'init', 'track', 'conversion', 'identify', 'reset', 'consent', 'optOut', 'optIn', 'flush', 'debug',
  'endpoint', 'autoPageviews', 'hashRouting', 'autoClicks', 'storage', 'cookieDomain', 'respectDnt',
  'requireConsent', 'beforeSend', 'batchSize', 'flushInterval', 'maxQueue', 'sessionTimeout',
  'rejected', 'queued', 'maidian', 'q',
  // stored state: the session {i, t} stays readable across SDK versions
  'i', 't',
  // options objects of browser APIs
  'method', 'body', 'keepalive', 'credentials', 'headers', 'type', 'once', 'persisted', 'prerendering',
  'globalPrivacyControl', 'status',
];

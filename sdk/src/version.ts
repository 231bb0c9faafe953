/** The SDK version sent as `context.library.version`; kept in step with package.json by the release. */
export const VERSION = '0.1.0';

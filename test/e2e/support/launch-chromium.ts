/** Starts Debian's Chromium through playwright-core, headless, with the flags this machine needs. */
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Where Chromium is installed (`test/setup/ensure-system-deps.sh` installs it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The installed Chromium's version, e.g. "156.0.8078.79". */
export function chromiumVersion(): string {
  const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const version = /(\d+\.\d+\.\d+\.\d+)/.exec(out)?.[1];
  if (!version) throw new Error(`cannot read the version of ${CHROMIUM_PATH} from: ${out}`);
  return version;
}

/**
 * The user agent of an ordinary Chrome of the installed version: desktop Linux by default, or a
 * phone's when `platform` says so. Headless Chromium calls itself "HeadlessChrome", which the
 * collector rightly flags as a bot; the specs play people.
 */
export function visitorUserAgent(platform = 'X11; Linux x86_64', mobile = false): string {
  const major = chromiumVersion().split('.')[0];
  return `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 ${mobile ? 'Mobile ' : ''}Safari/537.36`;
}

/**
 * A headless Chromium whose every request carries `userAgent` (default: a desktop visitor's).
 * It is set at launch, not per context, because beacons sent while a page unloads leave from the
 * browser process and ignore a context's user agent.
 */
export function launchChromium(userAgent: string = visitorUserAgent()): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-agent=${userAgent}`,
    ],
  });
}

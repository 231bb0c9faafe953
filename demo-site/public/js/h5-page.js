/** H5 campaign page: starts the npm build of the SDK and tracks the coupon claim. */
import { init, track } from '/sdk/index.mjs';

/** A setting the demo server wrote into a <meta name="maidian-…"> tag. */
function setting(name) {
  return document.querySelector(`meta[name="maidian-${name}"]`)?.getAttribute('content') || undefined;
}

init({ site: setting('site'), endpoint: setting('endpoint'), key: setting('key') });

document.getElementById('claim').addEventListener('click', () => {
  track('coupon_claim', { coupon: 'SPRING20', placement: 'h5_spring_festival' });
  document.getElementById('claimed').hidden = false;
}, { once: true });

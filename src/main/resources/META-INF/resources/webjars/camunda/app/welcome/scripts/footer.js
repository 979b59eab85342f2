/*
 * Hồ sơ: the footer names the business time zone (Asia/Ho_Chi_Minh), in which Tasklist shows every time, instead of
 * the zone of the user's computer.
 */
const ZONE = 'Asia/Ho_Chi_Minh (GMT+7)';

new MutationObserver(() => {
  const zone = document.querySelector('#footer-timezone i');
  if (zone && zone.textContent !== ZONE) {
    zone.textContent = ZONE;
  }
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];

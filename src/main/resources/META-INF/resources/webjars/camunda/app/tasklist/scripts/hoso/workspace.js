/*
 * Hồ sơ's additions to Tasklist (a custom script, see scripts/config.js and docs/workspace.md): the link to the
 * reception counter and the language switch in the header, and the business time zone named in the footer.
 */
import {chosenLanguage, choose} from '../language.js';

const ZONE = 'Asia/Ho_Chi_Minh (GMT+7)';

function fixFooter() {
  const zone = document.querySelector('#footer-timezone i');
  if (zone && zone.textContent !== ZONE) {
    zone.textContent = ZONE;
  }
}
new MutationObserver(fixFooter).observe(document.documentElement, {childList: true, subtree: true});

const counter = {
  id: 'hoso-counter',
  pluginPoint: 'tasklist.navbar.action',
  priority: 400,
  render: (node) => {
    const vi = chosenLanguage() === 'vi';
    node.innerHTML = '<a class="hoso-counter-link" href="/tiep-nhan/" accesskey="n">'
        + '<span class="glyphicon glyphicon-inbox"></span> '
        + (vi ? 'Tiếp nhận hồ sơ' : 'Receive a case') + '</a>';
  }
};

const language = {
  id: 'hoso-language',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    const other = chosenLanguage() === 'vi' ? 'en' : 'vi';
    const link = document.createElement('a');
    link.href = '';
    link.className = 'hoso-language';
    link.lang = other;
    link.textContent = other === 'en' ? 'English' : 'Tiếng Việt';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      choose(other);
    });
    node.appendChild(link);
  }
};

export default [counter, language];

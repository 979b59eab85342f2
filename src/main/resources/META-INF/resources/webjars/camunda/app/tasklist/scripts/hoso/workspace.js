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

/** Who is logged in, as our pages see it: the units where they receive, the units they lead. */
function workspaceSession() {
  return fetch('/tiep-nhan/api/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(r => (r.ok ? r.json() : null)).catch(() => null);
}

function link(node, css, href, icon, vi, en) {
  const a = document.createElement('a');
  a.className = css;
  a.href = href;
  a.innerHTML = '<span class="glyphicon glyphicon-' + icon + '"></span> ';
  a.append(chosenLanguage() === 'vi' ? vi : en);
  node.appendChild(a);
  return a;
}

// the counter for officers who receive, bulk approval for leaders
const counter = {
  id: 'hoso-counter',
  pluginPoint: 'tasklist.navbar.action',
  priority: 400,
  render: (node) => {
    workspaceSession().then(s => {
      if (s && s.units && s.units.length) {
        link(node, 'hoso-counter-link', '/tiep-nhan/', 'inbox', 'Tiếp nhận hồ sơ', 'Receive a case');
      }
      if (s && s.leads && s.leads.length) {
        link(node, 'hoso-approvals-link', '/phe-duyet/', 'check', 'Phê duyệt hàng loạt', 'Bulk approval');
      }
    });
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

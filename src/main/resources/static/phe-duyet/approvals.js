/*
 * Bulk approval for leaders (Phê duyệt hàng loạt), in the Tasklist session: lists the approvals of the units the
 * leader leads (/phe-duyet/api/approvals), routine ones selectable; the server checks and completes each task on
 * its own and answers per task (vn.hoso.workspace.BulkApproval).
 */
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  let token = null;

  function formatDate(iso) {
    if (!iso) {
      return '';
    }
    const [y, m, d] = iso.split('-');
    return d + '/' + m + '/' + y;
  }

  async function json(url, options) {
    const response = await fetch(url, Object.assign({credentials: 'same-origin', headers: {Accept: 'application/json'}},
        options || {}));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return {status: response.status, ok: response.ok, body};
  }

  function selected() {
    return [...document.querySelectorAll('input.pick:checked')].map(box => box.value);
  }

  function render(candidates) {
    const rows = $('rows');
    rows.textContent = '';
    $('none').hidden = candidates.length > 0;
    for (const c of candidates) {
      const tr = document.createElement('tr');
      tr.dataset.task = c.taskId;
      const pick = document.createElement('td');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'pick';
      box.value = c.taskId;
      box.disabled = !c.routine;
      box.setAttribute('aria-label', 'Chọn hồ sơ ' + c.caseCode);
      box.addEventListener('change', () => { $('approve').disabled = selected().length === 0; });
      pick.append(box);
      tr.append(pick);
      for (const text of [c.caseCode, c.procedureName, c.subject, formatDate(c.dueDate), c.routine ? '' : c.reason]) {
        const td = document.createElement('td');
        td.textContent = text || '';
        tr.append(td);
      }
      tr.lastChild.className = 'note';
      rows.append(tr);
    }
    $('approve').disabled = true;
  }

  async function load() {
    const answer = await json('/phe-duyet/api/approvals');
    if (!answer.ok) {
      $('login-needed').hidden = false;
      $('approvals').hidden = true;
      return;
    }
    render(answer.body);
    $('approvals').hidden = false;
  }

  async function approve() {
    const ids = selected();
    $('approve').disabled = true;
    const answer = await json('/phe-duyet/api/approvals', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-Hoso-Counter-Token': token},
      body: JSON.stringify({taskIds: ids})
    });
    const summary = $('summary');
    summary.hidden = false;
    if (!answer.ok) {
      summary.textContent = (answer.body && (answer.body.detail || answer.body.title)) || 'Không phê duyệt được.';
      return;
    }
    summary.className = answer.body.refused ? 'form-error' : 'ok';
    summary.textContent = 'Đã phê duyệt ' + answer.body.approved + ' hồ sơ'
        + (answer.body.refused ? '; ' + answer.body.refused + ' hồ sơ chưa phê duyệt được (xem ghi chú).' : '.');
    const results = answer.body.results;
    await load();
    for (const r of results.filter(r => !r.approved)) {
      const row = document.querySelector('tr[data-task="' + CSS.escape(r.taskId) + '"] td.note');
      if (row) {
        row.textContent = r.reason;
      }
    }
    summary.focus();
  }

  async function start() {
    const session = await json('/tiep-nhan/api/session');
    if (!session.ok) {
      $('login-needed').hidden = false;
      return;
    }
    token = session.body.token;
    $('user-name').textContent = session.body.name;
    $('all').addEventListener('change', e => {
      document.querySelectorAll('input.pick:not(:disabled)').forEach(box => { box.checked = e.target.checked; });
      $('approve').disabled = selected().length === 0;
    });
    $('approve').addEventListener('click', approve);
    await load();
  }

  document.addEventListener('DOMContentLoaded', start);
}());

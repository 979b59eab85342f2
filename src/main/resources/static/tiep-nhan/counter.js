/*
 * The reception counter (Tiếp nhận hồ sơ): in the officer's Tasklist session, receives a case file through the
 * same intake as POST /api/cases (via /tiep-nhan/api/cases). The server alone validates: its problem+json names
 * each bad field and the page shows that message next to the field (with a Vietnamese gloss for the known ones).
 * Keyboard: Alt+T procedure, Enter check, Enter again (on "Tiếp nhận hồ sơ") receive, Esc back, Alt+N next case.
 */
(function () {
  'use strict';
  const API = '/tiep-nhan/api';
  const TOKEN_HEADER = 'X-Hoso-Counter-Token';
  const CHANNELS = {IN_PERSON: 'Trực tiếp', POST: 'Qua bưu chính', ONLINE: 'Trực tuyến'};
  const TIERS = {PROVINCE: 'cấp tỉnh', DISTRICT: 'cấp huyện', COMMUNE: 'cấp xã'};
  const GLOSSES = [
    [/^Required\.$/, () => 'Bắt buộc nhập.'],
    [/^Must not be blank\.$/, () => 'Không được để trống.'],
    [/^At most (\d+) characters\.$/, m => 'Tối đa ' + m[1] + ' ký tự.'],
    [/^A citizen id number is exactly 12 digits\.$/, () => 'Số định danh cá nhân gồm đúng 12 chữ số.'],
    [/^A procedure dossier needs its applicant/, () => 'Hồ sơ thủ tục hành chính cần thông tin người nộp.'],
    [/^A work file has no applicant/, () => 'Hồ sơ công việc không có người nộp.'],
    [/^Must not contain control characters\.$/, () => 'Không được chứa ký tự điều khiển.'],
    [/^Unknown procedure/, () => 'Thủ tục không có trong danh mục.'],
    [/^No unit (\S+) is valid on/, m => 'Đơn vị ' + m[1] + ' không còn hiệu lực vào ngày tiếp nhận.'],
    [/cannot be received at a/, () => 'Đơn vị này không tiếp nhận thủ tục này vào ngày tiếp nhận.'],
    [/^Must be one of/, () => 'Giá trị không hợp lệ.'],
    [/^Must be a string\.$/, () => 'Phải là chuỗi ký tự.']
  ];

  const $ = id => document.getElementById(id);
  let session = null;
  let procedures = [];
  let pending = null;

  function gloss(message) {
    for (const [pattern, text] of GLOSSES) {
      const m = pattern.exec(message);
      if (m) {
        return text(m);
      }
    }
    return null;
  }

  function formatDate(iso) {
    const [y, m, d] = iso.split('-');
    return d + '/' + m + '/' + y;
  }

  async function call(path, options) {
    const headers = Object.assign({Accept: 'application/json'}, (options && options.headers) || {});
    const response = await fetch(API + path, Object.assign({credentials: 'same-origin'}, options, {headers}));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return {status: response.status, ok: response.ok, body};
  }

  function show(section) {
    for (const id of ['login-needed', 'counter-form', 'review', 'result']) {
      $(id).hidden = id !== section;
    }
  }

  function clearErrors() {
    document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    document.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    document.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    $('form-error').hidden = true;
    $('form-error').textContent = '';
  }

  function showMessage(target, message) {
    const vi = gloss(message);
    if (vi) {
      const span = document.createElement('span');
      span.className = 'vi';
      span.textContent = vi + ' ';
      target.appendChild(span);
    }
    const api = document.createElement('span');
    api.className = 'api-message';
    api.lang = 'en';
    api.textContent = message;
    target.appendChild(api);
  }

  function showProblem(problem) {
    const errors = (problem && problem.errors) || [];
    let first = null;
    for (const error of errors) {
      const target = $('error-' + error.field);
      if (!target) {
        continue;
      }
      if (target.childNodes.length) {
        target.appendChild(document.createTextNode(' '));
      }
      showMessage(target, error.message);
      const field = $('field-' + error.field);
      if (field) {
        field.classList.add('invalid');
        const input = field.querySelector('input, select');
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          first = first || input;
        }
      }
    }
    const unplaced = errors.filter(e => !$('error-' + e.field));
    if (!errors.length || unplaced.length) {
      const box = $('form-error');
      box.hidden = false;
      const texts = unplaced.length ? unplaced.map(e => e.message) : [(problem && (problem.detail || problem.title))
          || 'Không tiếp nhận được hồ sơ.'];
      texts.forEach(t => showMessage(box, t));
    }
    show('counter-form');
    (first || $('procedureCode')).focus();
  }

  function selectedProcedure() {
    return procedures.find(p => p.code === $('procedureCode').value) || null;
  }

  function renderProcedure() {
    const p = selectedProcedure();
    const info = $('procedure-info');
    info.textContent = '';
    $('applicant').hidden = p !== null && p.kind === 'WORK';
    if (!p) {
      return;
    }
    const days = document.createElement('p');
    days.innerHTML = '';
    days.append('Thời hạn giải quyết: ');
    const strong = document.createElement('strong');
    // a limit of 0 days is a same-day procedure: received from 15:00, due the next working day (docs/workflow.md)
    strong.textContent = p.totalDays === 0 ? 'trong ngày' : p.totalDays + ' ngày làm việc';
    days.append(strong);
    if (p.totalDays === 0) {
      days.append(' (nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)');
    }
    if (p.route.length > 1) {
      days.append(' (' + p.route.map(l => TIERS[l.tier] + ' ' + l.days + ' ngày').join(', ') + ')');
    }
    info.append(days);
    const heading = document.createElement('p');
    heading.className = 'components-title';
    heading.textContent = 'Thành phần hồ sơ:';
    info.append(heading);
    if (p.components && p.components.length) {
      const list = document.createElement('ul');
      list.className = 'components';
      for (const c of p.components) {
        const item = document.createElement('li');
        item.textContent = (c.name || c.code) + (c.required === false ? ' (nếu có)' : '');
        list.append(item);
      }
      info.append(list);
    } else {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = 'Danh mục chưa ghi thành phần hồ sơ của thủ tục này; kiểm tra theo bộ thủ tục đã công bố.';
      info.append(none);
    }
  }

  async function loadProcedures() {
    const unit = $('receivingUnit').value;
    const answer = await call('/procedures?unit=' + encodeURIComponent(unit));
    procedures = answer.ok ? answer.body : [];
    const select = $('procedureCode');
    select.textContent = '';
    const placeholder = new Option('— Chọn thủ tục —', '');
    select.append(placeholder);
    for (const p of procedures) {
      select.append(new Option(p.name + ' (' + (p.totalDays === 0 ? 'trong ngày' : p.totalDays + ' ngày') + ')', p.code));
    }
    renderProcedure();
  }

  function request() {
    const p = selectedProcedure();
    const channel = document.querySelector('input[name=channel]:checked');
    const body = {
      kind: p ? p.kind : 'PROCEDURE',
      procedureCode: $('procedureCode').value || null,
      receivingUnit: $('receivingUnit').value || null,
      channel: channel ? channel.value : null,
      subject: $('subject').value
    };
    if (!p || p.kind !== 'WORK') {
      body.applicant = {name: $('applicantName').value, idNumber: $('applicantIdNumber').value.trim()};
    }
    return body;
  }

  function review(event) {
    event.preventDefault();
    clearErrors();
    pending = request();
    const p = selectedProcedure();
    const unit = session.units.find(u => u.code === pending.receivingUnit);
    const rows = [
      ['Đơn vị tiếp nhận', unit ? unit.name + ' (' + unit.code + ')' : pending.receivingUnit || '—'],
      ['Thủ tục', p ? p.name : '—'],
      ['Hình thức nộp', CHANNELS[pending.channel] || '—'],
      ['Trích yếu', pending.subject || '—']
    ];
    if (pending.applicant) {
      rows.push(['Người nộp', pending.applicant.name || '—']);
      rows.push(['Số định danh cá nhân', pending.applicant.idNumber || '—']);
    }
    const list = $('review-list');
    list.textContent = '';
    for (const [label, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    show('review');
    $('confirm').focus();
  }

  async function receive() {
    $('confirm').disabled = true;
    try {
      const answer = await call('/cases', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', [TOKEN_HEADER]: session.token},
        body: JSON.stringify(pending)
      });
      if (answer.status === 401) {
        show('login-needed');
        return;
      }
      if (!answer.ok) {
        showProblem(answer.body);
        return;
      }
      const receipt = answer.body;
      $('result-code').textContent = receipt.code;
      $('result-due').textContent = formatDate(receipt.dueDate);
      $('result-pin').textContent = receipt.pin || '';
      $('result-pin').hidden = !receipt.pin;
      $('result-pin-label').hidden = !receipt.pin;
      const task = $('result-task');
      task.hidden = !receipt.taskUrl;
      task.href = receipt.taskUrl || '#';
      const printable = $('result-receipt');
      printable.hidden = !receipt.receiptUrl;
      printable.href = receipt.receiptUrl || '#';
      received = {caseId: receipt.caseId, procedure: selectedProcedure(), attached: []};
      renderAttach();
      show('result');
      (receipt.taskUrl ? task : $('next')).focus();
    } finally {
      $('confirm').disabled = false;
    }
  }

  // Documents of the case just received (the Documents API's rules: officers of the unit, content checks, limits)
  let received = null;

  function renderAttach() {
    const components = (received.procedure && received.procedure.components) || [];
    const select = $('attach-component');
    select.innerHTML = '';
    for (const c of components) {
      select.append(new Option(c.name + (c.required ? ' *' : ''), c.code));
    }
    $('attach').hidden = !components.length;
    const have = new Set(received.attached.map(d => d.component));
    const missing = components.filter(c => c.required && !have.has(c.code)).map(c => c.name);
    $('attach-missing').textContent = missing.length
      ? 'Còn thiếu thành phần bắt buộc: ' + missing.join('; ') + '.'
      : 'Đã có đủ các thành phần bắt buộc.';
    const list = $('attached');
    list.innerHTML = '';
    for (const d of received.attached) {
      const c = components.find(x => x.code === d.component);
      const item = document.createElement('li');
      item.textContent = (c ? c.name : d.component) + ' — ' + d.mediaType + ', ' + d.size + ' byte'
        + (d.digitizedFromPaper ? ', số hóa từ bản giấy' : '') + ' (SHA-256 ' + d.sha256.substring(0, 12) + '…)';
      list.append(item);
    }
  }

  async function attach(event) {
    event.preventDefault();
    const file = $('attach-file').files[0];
    $('attach-error').textContent = '';
    if (!file) {
      $('attach-error').textContent = 'Chọn tệp cần đính kèm.';
      return;
    }
    const form = new FormData();
    form.append('component', $('attach-component').value);
    form.append('digitizedFromPaper', $('attach-scanned').checked ? 'true' : 'false');
    form.append('file', file);
    $('attach-button').disabled = true;
    try {
      const answer = await call('/cases/' + encodeURIComponent(received.caseId) + '/documents',
        {method: 'POST', headers: {[TOKEN_HEADER]: session.token}, body: form});
      if (!answer.ok) {
        const problem = answer.body || {};
        $('attach-error').textContent = problem.detail || problem.title || ('Lỗi ' + answer.status);
        return;
      }
      received.attached.push(answer.body);
      $('attach').reset();
      renderAttach();
    } finally {
      $('attach-button').disabled = false;
    }
  }

  function next() {
    $('counter-form').reset();
    clearErrors();
    renderProcedure();
    show('counter-form');
    $('procedureCode').focus();
  }

  async function start() {
    const answer = await call('/session');
    if (!answer.ok) {
      show('login-needed');
      return;
    }
    session = answer.body;
    $('user-name').textContent = session.name;
    const units = $('receivingUnit');
    for (const u of session.units) {
      units.append(new Option(u.name + ' (' + u.code + ')', u.code));
    }
    if (!session.units.length) {
      units.append(new Option('— Bạn không thuộc bộ phận tiếp nhận của đơn vị nào —', ''));
    }
    $('field-receivingUnit').classList.toggle('single', session.units.length === 1);
    units.addEventListener('change', loadProcedures);
    $('procedureCode').addEventListener('change', renderProcedure);
    $('counter-form').addEventListener('submit', review);
    $('confirm').addEventListener('click', receive);
    $('edit').addEventListener('click', () => { show('counter-form'); $('procedureCode').focus(); });
    $('next').addEventListener('click', next);
    $('attach').addEventListener('submit', attach);
    document.addEventListener('keydown', e => {
      if (e.key === 'Escape' && !$('review').hidden) {
        show('counter-form');
        $('procedureCode').focus();
      } else if (e.altKey && (e.key === 'n' || e.key === 'N') && !$('result').hidden) {
        e.preventDefault();
        next();
      }
    });
    await loadProcedures();
    show('counter-form');
    $('procedureCode').focus();
  }

  document.addEventListener('DOMContentLoaded', start);
}());

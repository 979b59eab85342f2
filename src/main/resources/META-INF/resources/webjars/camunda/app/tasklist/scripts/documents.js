/*
 * The "Giấy tờ" (documents) tab of every task in Camunda Tasklist: the case's documents with links that open in
 * the browser within the Tasklist session, the required components still missing at reception, and, at the receive
 * and issue steps, a form to add a file. Served by the documents module's /tasklist-documents endpoints, which apply
 * the same rules as /api/cases/{caseId}/documents to the user logged into Tasklist (docs/documents.md).
 */
const BASE = '/tasklist-documents';
const STAGES = { RECEPTION: 'Tiếp nhận', PROCESSING: 'Xử lý', RESULT: 'Kết quả' };
const TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/xml': 'XML ký số' };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'className') node.className = v; else node.setAttribute(k, v);
  });
  children.forEach(c => node.append(c));
  return node;
}

function xsrf() {
  const match = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

function size(bytes) {
  return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB'
    : bytes >= 1024 ? Math.round(bytes / 1024) + ' KB' : bytes + ' B';
}

async function load(node, taskId) {
  node.replaceChildren(el('p', { className: 'text-muted' }, 'Đang tải giấy tờ…'));
  const response = await fetch(`${BASE}/tasks/${encodeURIComponent(taskId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    node.replaceChildren(el('div', { className: 'alert alert-danger' },
      problem.detail || `Không tải được giấy tờ (${response.status}).`));
    return;
  }
  render(node, taskId, await response.json());
}

function render(node, taskId, view) {
  const parts = [el('h4', {}, `Giấy tờ của hồ sơ ${view.caseCode}`)];
  if (view.missingRequired.length) {
    parts.push(el('div', { className: 'alert alert-warning hoso-missing' },
      el('strong', {}, 'Còn thiếu thành phần bắt buộc: '),
      el('ul', {}, ...view.missingRequired.map(c => el('li', {}, `${c.name} (${c.code})`)))));
  }
  if (!view.documents.length) {
    parts.push(el('p', { className: 'text-muted hoso-none' }, 'Hồ sơ chưa có giấy tờ nào.'));
  } else {
    const rows = view.documents.map(d => el('tr', { 'data-document': d.documentId },
      el('td', {}, d.componentName, el('br'), el('small', { className: 'text-muted' }, d.component)),
      el('td', {}, String(d.version)),
      el('td', {}, TYPES[d.mediaType] || d.mediaType),
      el('td', {}, size(d.size)),
      el('td', {}, (STAGES[d.stage] || d.stage) + (d.digitizedFromPaper ? ' (số hóa từ bản giấy)' : '')),
      el('td', {}, new Date(d.addedAt).toLocaleString('vi-VN'), el('br'),
        el('small', { className: 'text-muted' }, `đơn vị ${d.addedBy}`)),
      el('td', {}, el('a', { href: d.url, target: '_blank', rel: 'noopener', className: 'hoso-open' }, 'Mở'))));
    parts.push(el('table', { className: 'table table-condensed hoso-documents-table' },
      el('thead', {}, el('tr', {}, ...['Thành phần', 'Bản', 'Loại', 'Dung lượng', 'Giai đoạn', 'Thêm lúc', '']
        .map(h => el('th', {}, h)))),
      el('tbody', {}, ...rows)));
  }
  if (view.canAdd) {
    parts.push(uploadForm(node, taskId, view));
  }
  node.replaceChildren(el('div', { className: 'hoso-documents', style: 'padding: 10px 15px' }, ...parts));
}

function uploadForm(node, taskId, view) {
  const select = el('select', { className: 'form-control', name: 'component' },
    ...view.components.map(c => el('option', { value: c.code }, `${c.name}${c.required ? ' *' : ''}`)));
  const file = el('input', { type: 'file', name: 'file', className: 'form-control',
    accept: 'application/pdf,image/jpeg,image/png,application/xml,.xml' });
  const scanned = el('input', { type: 'checkbox', name: 'digitizedFromPaper' });
  const message = el('div', { className: 'hoso-upload-message' });
  const button = el('button', { type: 'submit', className: 'btn btn-primary' }, 'Thêm tệp');
  const form = el('form', { className: 'hoso-upload', style: 'max-width: 520px' },
    el('h5', {}, view.step === 'issue' ? 'Đính kèm kết quả giải quyết' : 'Thêm giấy tờ'),
    el('div', { className: 'form-group' }, el('label', {}, 'Thành phần'), select),
    el('div', { className: 'form-group' }, el('label', {}, 'Tệp (PDF, JPEG, PNG, XML ký số)'), file));
  if (view.step === 'receive') {
    form.append(el('div', { className: 'checkbox' }, el('label', {}, scanned, ' Số hóa từ bản giấy')));
  }
  form.append(button, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!file.files.length) {
      message.replaceChildren(el('div', { className: 'alert alert-warning' }, 'Chọn một tệp.'));
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0]);
    body.append('component', select.value);
    if (view.step === 'receive' && scanned.checked) {
      body.append('digitizedFromPaper', 'true');
    }
    button.disabled = true;
    const response = await fetch(`${BASE}/tasks/${encodeURIComponent(taskId)}/documents`, {
      method: 'POST', body, credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': xsrf(), Accept: 'application/json' }
    });
    button.disabled = false;
    if (response.ok) {
      await load(node, taskId);
    } else {
      const problem = await response.json().catch(() => ({}));
      message.replaceChildren(el('div', { className: 'alert alert-danger' },
        problem.detail || `Không thêm được tệp (${response.status}).`));
    }
  });
  return form;
}

export default [{
  id: 'hoso-documents',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before the history (800)
  priority: 900,
  label: 'Giấy tờ',
  properties: { label: 'Giấy tờ' },
  render: (node, { taskId }) => {
    load(node, taskId);
  }
}];

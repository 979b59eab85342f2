// The public lookup page: reads the case code (and the PIN from the fragment, as the receipt's QR code carries it),
// asks GET /api/public/cases/{code}?pin= and shows the answer. No cookies, nothing stored.
(function () {
  'use strict';
  const form = document.getElementById('lookup');
  const code = document.getElementById('code');
  const pin = document.getElementById('pin');
  const message = document.getElementById('message');
  const result = document.getElementById('result');

  function text(id, value) { document.getElementById(id).textContent = value == null ? '' : value; }
  function date(iso) { if (!iso) return ''; const p = iso.split('-'); return p[2] + '/' + p[1] + '/' + p[0]; }
  function show(msg) { message.textContent = msg; message.hidden = false; result.hidden = true; }

  function render(v) {
    message.hidden = true;
    const status = document.getElementById('status');
    status.textContent = v.statusText;
    status.className = 'status ' + (v.action || '');
    text('procedure', v.procedure);
    text('r-code', v.code);
    text('r-unit', v.receivingUnit);
    text('r-received', date(v.receivedOn));
    text('r-due', date(v.appointmentDate));
    text('action-text', v.actionText);
    const list = document.getElementById('timeline');
    list.replaceChildren();
    (v.timeline || []).forEach(function (s) {
      const li = document.createElement('li');
      const when = document.createElement('div'); when.className = 'when'; when.textContent = date(s.date) + ' · ' + s.time;
      const what = document.createElement('div'); what.className = 'what'; what.textContent = s.text;
      const where = document.createElement('div'); where.className = 'where'; where.textContent = s.unit;
      li.append(when, what, where);
      list.append(li);
    });
    result.hidden = false;
  }

  async function lookup() {
    const button = document.getElementById('submit');
    button.disabled = true;
    try {
      const response = await fetch('/api/public/cases/' + encodeURIComponent(code.value.trim()) + '?pin='
        + encodeURIComponent(pin.value.trim()), { headers: { Accept: 'application/json' }, credentials: 'omit' });
      if (response.ok) {
        render(await response.json());
      } else if (response.status === 429) {
        const wait = response.headers.get('Retry-After');
        show('Ông/bà đã nhập sai quá nhiều lần. Xin thử lại sau ' + (wait ? Math.ceil(wait / 60) + ' phút' : 'ít phút') + '.');
      } else if (response.status === 404) {
        show('Không tìm thấy hồ sơ. Xin kiểm tra lại mã hồ sơ và mã tra cứu trên giấy tiếp nhận.');
      } else if (response.status === 503) {
        show('Hệ thống đang bảo trì, xin thử lại sau.');
      } else {
        show('Không tra cứu được (lỗi ' + response.status + '). Xin thử lại sau.');
      }
    } catch (e) {
      show('Không kết nối được với hệ thống. Xin kiểm tra mạng và thử lại.');
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); lookup(); });

  const params = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (params.get('code')) code.value = params.get('code');
  if (fragment.get('pin')) {
    pin.value = fragment.get('pin');
    history.replaceState(null, '', location.pathname + location.search); // the PIN does not stay in the history
  }
  if (code.value && pin.value) lookup();
})();

// The "Số hóa hồ sơ" card of the dashboard (module documents' figures in the rollups: /api/rollups/digitization).
// Kept apart from dashboard.js: it follows the period the dashboard shows (its period label) and reads the same
// form fields.
(function () {
  'use strict';

  const API = '/dashboard/api/rollups/digitization';
  const TIER_NAMES = { PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã' };
  const nf = new Intl.NumberFormat('vi-VN');
  const pf = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const $ = (id) => document.getElementById(id);

  function cell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  function pct(v) { return v === null || v === undefined ? '—' : pf.format(v); }

  async function load() {
    const from = $('from').value, to = $('to').value;
    if (!from || !to) return;
    const q = new URLSearchParams({ from, to });
    $('digitization-xlsx').href = API + '?' + q + '&format=xlsx';
    $('digitization-csv').href = API + '?' + q + '&format=csv';
    const res = await fetch(API + '?' + q, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = $('digitization').querySelector('tbody');
    if (!res.ok) {
      body.replaceChildren();
      return;
    }
    const figures = await res.json();
    const rows = figures.tiers.length ? figures.tiers : figures.units;
    body.replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.setAttribute('data-tier', r.tier);
      tr.append(cell((TIER_NAMES[r.tier] || r.tier) + (r.unitCode ? ' — ' + r.unitCode : '')),
        cell(nf.format(r.received), 'num'), cell(nf.format(r.digital), 'num'),
        cell(nf.format(r.scannedAtReception), 'num'), cell(pct(r.digitalRate), 'num digital-rate'),
        cell(nf.format(r.results), 'num'), cell(nf.format(r.electronicResults), 'num'),
        cell(pct(r.electronicRate), 'num electronic-rate'));
      return tr;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const label = $('period-label');
    new MutationObserver(() => load().catch(() => {})).observe(label, { childList: true, characterData: true,
      subtree: true });
    load().catch(() => {});
  });
}());

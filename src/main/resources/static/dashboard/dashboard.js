// Dashboard of the online-processing rollups. Talks to /dashboard/api/rollups/** with the session (same origin);
// GETs only, so no CSRF header is needed except for the logout form, which carries the token from the cookie.
(function () {
  'use strict';

  const API = '/dashboard/api/rollups';
  const TIER_NAMES = { PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã' };
  const TIER_COLORS = { PROVINCE: '#0b3d6e', DISTRICT: '#b26a00', COMMUNE: '#1b7a34' };
  const GREEN = '#1b7a34', RED = '#b71c1c', GREY = '#e7ebef';
  const nf = new Intl.NumberFormat('vi-VN');
  const pf = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const tf = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

  const $ = (id) => document.getElementById(id);
  const state = { me: null, tiers: [], tier: null, units: [], charts: [], trend: null, selected: null };

  function cookie(name) {
    const m = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return m ? decodeURIComponent(m.substring(name.length + 1)) : '';
  }

  function iso(d) {
    const z = new Date(d.getTime() - d.getTimezoneOffset() * 60000);
    return z.toISOString().substring(0, 10);
  }

  function vnDate(s) {
    if (!s) return '';
    const [y, m, d] = s.substring(0, 10).split('-');
    return d + '/' + m + '/' + y;
  }

  function vnDateTime(s) {
    if (!s) return '';
    return vnDate(s) + ' ' + s.substring(11, 16);
  }

  function pct(v) { return v === null || v === undefined ? '—' : pf.format(v); }
  function target(v) { return v === null || v === undefined ? '—' : tf.format(v); }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function query(extra) {
    const p = new URLSearchParams({ from: $('from').value, to: $('to').value });
    if ($('kind').value) p.set('kind', $('kind').value);
    Object.entries(extra || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) p.set(k, v); });
    return p.toString();
  }

  async function get(path) {
    const res = await fetch(API + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (res.status === 401) { window.location.href = '/dashboard/login'; throw new Error('Phiên đăng nhập đã hết.'); }
    if (!res.ok) {
      let detail = res.statusText;
      try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return res.json();
  }

  function showError(e) {
    const box = $('error');
    box.textContent = 'Không tải được số liệu: ' + e.message;
    box.hidden = false;
  }

  function exportLinks(prefix, path, extra) {
    $(prefix + '-xlsx').href = API + path + '?' + query(Object.assign({ format: 'xlsx' }, extra));
    $(prefix + '-csv').href = API + path + '?' + query(Object.assign({ format: 'csv' }, extra));
  }

  // ------------------------------------------------------------------------------------------------ gauges

  const targetMarker = {
    id: 'targetMarker',
    afterDatasetsDraw(chart, args, opts) {
      if (opts.value === null || opts.value === undefined) return;
      const arc = chart.getDatasetMeta(0).data[0];
      if (!arc) return;
      const angle = Math.PI + opts.value * Math.PI;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#1c2430';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(arc.x + Math.cos(angle) * (arc.innerRadius - 6), arc.y + Math.sin(angle) * (arc.innerRadius - 6));
      ctx.lineTo(arc.x + Math.cos(angle) * (arc.outerRadius + 6), arc.y + Math.sin(angle) * (arc.outerRadius + 6));
      ctx.stroke();
      ctx.restore();
    }
  };

  function renderGauges(rows) {
    state.charts.forEach((c) => c.destroy());
    state.charts = [];
    const box = $('gauges');
    box.replaceChildren();
    rows.forEach((r) => {
      const cls = r.met === true ? 'met' : r.met === false ? 'not-met' : 'none';
      const canvas = el('canvas', { 'aria-label': 'Tỷ lệ ' + TIER_NAMES[r.tier] });
      const badge = el('span', { class: 'badge ' + cls,
        text: r.met === true ? 'Đạt chỉ tiêu' : r.met === false ? 'Không đạt chỉ tiêu' : 'Chưa có số liệu' });
      const card = el('div', { class: 'gauge ' + cls, 'data-tier': r.tier },
        el('h3', { text: TIER_NAMES[r.tier] }),
        el('div', { class: 'span', text: vnDate(r.inForceFrom) + ' – ' + vnDate(r.inForceTo) }),
        el('div', { class: 'canvas-box' }, canvas),
        el('div', { class: 'value', text: pct(r.onlineRate) }),
        el('div', { class: 'target', 'data-target': r.target === null ? '' : String(r.target),
          text: 'Chỉ tiêu ' + target(r.target) }),
        el('div', { class: 'counts', text: nf.format(r.processedOnline) + ' / ' + nf.format(r.segments)
          + ' phân đoạn xử lý trên môi trường mạng' }),
        badge);
      if (r.targets) {
        card.append(el('div', { class: 'targets', text: 'Các chỉ tiêu trong kỳ: ' + r.targets.map((t) =>
          vnDate(t.from) + '–' + vnDate(t.to) + ': ' + target(t.target)).join('; ') }));
      }
      box.append(card);
      const rate = r.onlineRate === null ? 0 : r.onlineRate;
      state.charts.push(new Chart(canvas, {
        type: 'doughnut',
        data: { datasets: [{ data: [rate, 1 - rate],
          backgroundColor: [r.met === true ? GREEN : r.met === false ? RED : GREY, GREY], borderWidth: 0 }] },
        options: {
          rotation: -90, circumference: 180, cutout: '70%', responsive: true, maintainAspectRatio: false,
          animation: false, events: [],
          plugins: { legend: { display: false }, tooltip: { enabled: false }, targetMarker: { value: r.target } }
        },
        plugins: [targetMarker]
      }));
    });
  }

  // ------------------------------------------------------------------------------------------------ report

  function renderReport(rows) {
    const body = $('report').querySelector('tbody');
    body.replaceChildren();
    rows.forEach((r) => {
      const n = (v) => el('td', { class: 'num', text: nf.format(v) });
      body.append(el('tr', { 'data-tier': r.tier },
        el('td', {}, el('strong', { text: TIER_NAMES[r.tier] })),
        n(r.received), n(r.receivedOnline), n(r.receivedInPersonOrPost), n(r.carriedOver),
        n(r.finished), n(r.finishedEarly), n(r.finishedOnTime), n(r.finishedLate),
        n(r.inProgress), n(r.inProgressWithinTime), n(r.inProgressLate), n(r.refused),
        el('td', { class: 'num', text: pct(r.progressRate) }),
        el('td', { class: 'num score', text: r.progressScore === null ? '—'
          : Number(r.progressScore).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })));
    });
  }

  // ------------------------------------------------------------------------------------------------ trend

  function renderTrend(trend) {
    if (state.trend) state.trend.destroy();
    const months = [];
    trend.series.forEach((s) => s.points.forEach((p) => { if (!months.includes(p.month)) months.push(p.month); }));
    months.sort();
    const labels = months.map((m) => 'T' + Number(m.substring(5)) + '/' + m.substring(0, 4));
    const datasets = [];
    trend.series.forEach((s) => {
      const byMonth = Object.fromEntries(s.points.map((p) => [p.month, p]));
      const color = TIER_COLORS[s.tier] || '#0b3d6e';
      const name = s.unitName ? s.unitName : TIER_NAMES[s.tier];
      datasets.push({ label: name + ' – tỷ lệ', data: months.map((m) => byMonth[m] && byMonth[m].onlineRate !== null
        ? byMonth[m].onlineRate * 100 : null), borderColor: color, backgroundColor: color, tension: 0.2,
        spanGaps: false, pointRadius: 3 });
      datasets.push({ label: name + ' – chỉ tiêu', data: months.map((m) => byMonth[m] && byMonth[m].target !== null
        ? byMonth[m].target * 100 : null), borderColor: color, borderDash: [6, 4], borderWidth: 1.5,
        pointRadius: 0, stepped: true, fill: false });
    });
    state.trend = new Chart($('trend-chart'), {
      type: 'line',
      data: { labels, datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: (v) => v + ' %' } } },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 18 } },
          tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + (c.parsed.y === null ? '—'
            : c.parsed.y.toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + ' %') } }
        }
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ league

  function rateBar(rate, tgt, met) {
    const fill = el('div', { class: 'fill' + (met ? ' met' : '') });
    fill.style.width = ((rate || 0) * 100).toFixed(1) + '%';
    const track = el('div', { class: 'track' }, fill);
    if (tgt !== null && tgt !== undefined) {
      const mark = el('div', { class: 'mark', title: 'Chỉ tiêu ' + target(tgt) });
      mark.style.left = 'calc(' + (tgt * 100).toFixed(1) + '% - 1px)';
      track.append(mark);
    }
    return el('div', { class: 'bar' }, track, el('span', { class: 'pct', text: pct(rate) }));
  }

  function verdict(met) {
    return met === true ? el('span', { class: 'badge met', text: 'Đạt' })
      : met === false ? el('span', { class: 'badge not-met', text: 'Không đạt' })
        : el('span', { class: 'badge none', text: 'Không có hồ sơ' });
  }

  function worstFirst(a, b) {
    if (a.onlineRate === null && b.onlineRate === null) return b.segments - a.segments || a.unitCode.localeCompare(b.unitCode);
    if (a.onlineRate === null) return 1;
    if (b.onlineRate === null) return -1;
    return a.onlineRate - b.onlineRate || b.segments - a.segments;
  }

  function renderTabs(tiers) {
    const tabs = $('tier-tabs');
    tabs.replaceChildren();
    tiers.forEach((t) => {
      const b = el('button', { type: 'button', role: 'tab', 'data-tier': t, 'aria-selected': String(t === state.tier),
        text: TIER_NAMES[t] });
      b.addEventListener('click', () => { state.tier = t; renderTabs(tiers); loadUnits().catch(showError); });
      tabs.append(b);
    });
  }

  async function loadUnits() {
    const rows = await get('/units?' + query({ tier: state.tier }));
    state.units = rows.slice().sort(worstFirst);
    exportLinks('units', '/units', { tier: state.tier });
    const body = $('league').querySelector('tbody');
    body.replaceChildren();
    const empty = state.units.filter((r) => r.segments === 0).length;
    const shown = state.showEmpty ? state.units : state.units.filter((r) => r.segments > 0);
    shown.forEach((r, i) => {
      const tr = el('tr', { 'data-unit': r.unitCode, 'data-valid-from': r.validFrom || '' },
        el('td', { class: 'num', text: String(i + 1) }),
        el('td', {}, el('strong', { text: r.unitName || r.unitCode }), el('span', { class: 'muted', text: ' · ' + r.unitCode })),
        el('td', { text: r.parentCode || '' }),
        el('td', { class: 'num', text: nf.format(r.segments) }),
        el('td', { class: 'num', text: nf.format(r.processedOnline) }),
        el('td', {}, rateBar(r.onlineRate, r.target, r.met)),
        el('td', { class: 'num', text: target(r.target) }),
        el('td', {}, verdict(r.met)));
      tr.addEventListener('click', () => drill(r).catch(showError));
      body.append(tr);
    });
    if (empty > 0) {
      const toggle = el('button', { type: 'button', class: 'link-button', id: 'toggle-empty',
        text: state.showEmpty ? 'Ẩn các đơn vị không có hồ sơ' : 'Hiện ' + nf.format(empty) + ' đơn vị không có hồ sơ trong kỳ' });
      toggle.addEventListener('click', (e) => {
        e.stopPropagation();
        state.showEmpty = !state.showEmpty;
        loadUnits().catch(showError);
      });
      body.append(el('tr', { class: 'empty-row' }, el('td', { colspan: '8' }, toggle)));
    }
  }

  // ------------------------------------------------------------------------------------------------ drill-down

  async function drill(unit) {
    state.selected = unit;
    document.querySelectorAll('#league tbody tr').forEach((tr) =>
      tr.classList.toggle('selected', tr.dataset.unit === unit.unitCode && tr.dataset.validFrom === (unit.validFrom || '')));
    const section = $('drill');
    section.hidden = false;
    $('drill-title').textContent = 'Chi tiết: ' + (unit.unitName || unit.unitCode) + ' (' + unit.unitCode + ')';
    $('drill-summary').replaceChildren(
      summary('Cấp', TIER_NAMES[unit.tier]), summary('Số phân đoạn', nf.format(unit.segments)),
      summary('Xử lý trên môi trường mạng', nf.format(unit.processedOnline)), summary('Tỷ lệ', pct(unit.onlineRate)),
      summary('Chỉ tiêu', target(unit.target)), summary('Kết quả', unit.met === true ? 'Đạt' : unit.met === false ? 'Không đạt' : '—'));
    exportLinks('drill', '/units/' + encodeURIComponent(unit.unitCode) + '/segments');

    const all = (await get('/units?' + query({ parent: unit.unitCode }))).sort(worstFirst);
    const children = all.filter((r) => r.segments > 0);
    $('drill-children-box').hidden = all.length === 0;
    const cbody = $('drill-children').querySelector('tbody');
    cbody.replaceChildren();
    children.forEach((r) => {
      const tr = el('tr', { 'data-unit': r.unitCode },
        el('td', {}, el('strong', { text: r.unitName || r.unitCode }), el('span', { class: 'muted', text: ' · ' + r.unitCode })),
        el('td', { class: 'num', text: nf.format(r.segments) }),
        el('td', { class: 'num', text: nf.format(r.processedOnline) }),
        el('td', {}, rateBar(r.onlineRate, r.target, r.met)),
        el('td', { class: 'num', text: target(r.target) }),
        el('td', {}, verdict(r.met)));
      tr.addEventListener('click', () => drill(r).catch(showError));
      cbody.append(tr);
    });
    if (all.length > children.length) {
      cbody.append(el('tr', { class: 'empty-row' }, el('td', { colspan: '6', class: 'muted',
        text: nf.format(all.length - children.length) + ' đơn vị trực thuộc không có hồ sơ kết thúc trong kỳ' })));
    }

    const page = await get('/units/' + encodeURIComponent(unit.unitCode) + '/segments?' + query({ limit: 50 }));
    $('drill-count').textContent = '(' + nf.format(page.total) + (page.total > page.segments.length
      ? ', hiển thị ' + page.segments.length + ' đầu tiên; tải Excel để xem đủ)' : ')');
    const sbody = $('drill-segments').querySelector('tbody');
    sbody.replaceChildren();
    page.segments.forEach((s) => sbody.append(el('tr', {},
      el('td', { text: s.caseCode || s.caseId }),
      el('td', { text: s.kind === 'WORK' ? 'Công việc' : s.kind === 'PROCEDURE' ? 'TTHC' : s.kind }),
      el('td', { text: vnDateTime(s.closedAt) }),
      el('td', { class: 'num', text: s.steps === null ? '' : String(s.steps) }),
      el('td', { class: 'num', text: s.paperSteps === null ? '' : String(s.paperSteps) }),
      el('td', {}, el('span', { class: s.processedOnline ? 'yes' : 'no', text: s.processedOnline ? 'Có' : 'Không' })),
      el('td', { text: { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn' }[s.segmentVerdict] || '' }),
      el('td', { text: { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn' }[s.timeliness] || '' }))));
    section.scrollIntoView({ behavior: 'instant', block: 'start' });
  }

  function summary(k, v) {
    return el('div', {}, el('div', { class: 'k', text: k }), el('div', { class: 'v', text: v }));
  }

  // ------------------------------------------------------------------------------------------------ period

  function preset(name) {
    const today = new Date();
    let from, to = today;
    if (name === 'month') from = new Date(today.getFullYear(), today.getMonth(), 1);
    if (name === 'quarter') from = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1);
    if (name === 'year') from = new Date(today.getFullYear(), 0, 1);
    if (name === 'lastyear') { from = new Date(today.getFullYear() - 1, 0, 1); to = new Date(today.getFullYear() - 1, 11, 31); }
    $('from').value = iso(from);
    $('to').value = iso(to);
  }

  async function load() {
    $('error').hidden = true;
    history.replaceState(null, '', '#' + query());
    $('period-label').textContent = 'Kỳ báo cáo: ' + vnDate($('from').value) + ' – ' + vnDate($('to').value)
      + ($('kind').value ? ' · ' + $('kind').selectedOptions[0].textContent : ' · mọi loại hồ sơ (thủ tục hành chính và công việc)');
    const work = $('kind').value === 'WORK';
    $('report-kind').textContent = work ? 'Tiến độ giải quyết hồ sơ công việc' : 'Tiến độ giải quyết thủ tục hành chính';
    $('report-basis').textContent = work ? '(theo dõi nội bộ, không thuộc Biểu II.06a)'
      : '(Biểu II.06a, điểm tiến độ theo QĐ 766/QĐ-TTg)';
    let tiers;
    if (state.me.readsTiers) {
      const rows = await get('/tiers?' + query());
      state.tiers = rows;
      renderGauges(rows);
      exportLinks('tiers', '/tiers');
      tiers = rows.map((r) => r.tier);
      const trend = await get('/trend?' + query());
      renderTrend(trend);
      exportLinks('trend', '/trend');
      renderReport(await get('/report/tiers?' + query()));
      exportLinks('report', '/report/tiers');
      $('report-units-xlsx').href = API + '/report/units?' + query({ format: 'xlsx' });
    } else {
      $('tiers-section').hidden = true;
      $('report-section').hidden = true;
      const own = state.me.units[0];
      const trend = await get('/trend?' + query({ unit: own }));
      renderTrend(trend);
      exportLinks('trend', '/trend', { unit: own });
      const rows = await get('/units?' + query());
      tiers = [...new Set(rows.map((r) => r.tier))];
      tiers.sort((a, b) => Object.keys(TIER_NAMES).indexOf(a) - Object.keys(TIER_NAMES).indexOf(b));
    }
    const tierSet = tiers.join(',');
    if (!tiers.includes(state.tier) || state.tierSet !== tierSet) {
      state.tierSet = tierSet;
      state.tier = tiers.includes('DISTRICT') ? 'DISTRICT' : tiers[tiers.length - 1] || 'COMMUNE';
    }
    renderTabs(tiers);
    $('drill').hidden = true;
    await loadUnits();
  }

  async function start() {
    $('logout-csrf').value = cookie('HOSO-DASHBOARD-XSRF');
    state.me = await get('/me');
    $('user-name').textContent = state.me.userId + (state.me.readsAll ? ' · kiểm tra, thanh tra'
      : state.me.units.length ? ' · đơn vị ' + state.me.units.join(', ') : '');
    const hash = new URLSearchParams(window.location.hash.substring(1));
    if (hash.get('from') && hash.get('to')) {
      $('from').value = hash.get('from');
      $('to').value = hash.get('to');
      $('kind').value = hash.get('kind') || '';
    } else {
      preset('year');
    }
    document.querySelectorAll('[data-preset]').forEach((b) => b.addEventListener('click', () => {
      preset(b.dataset.preset);
      load().catch(showError);
    }));
    $('period-form').addEventListener('submit', (e) => { e.preventDefault(); load().catch(showError); });
    $('drill-close').addEventListener('click', () => { $('drill').hidden = true; });
    await load();
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', () => start().catch(showError));
}());

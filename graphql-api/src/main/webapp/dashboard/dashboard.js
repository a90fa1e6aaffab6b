// The ledger's analytics as pictures: every figure comes from the same GraphQL API and token as any
// client. The token comes from the URL fragment (#token=..., never sent to a server) or is pasted, and is
// kept for this browser tab only (sessionStorage).
(function () {
  'use strict';

  const endpoint = '../graphql';
  const $ = (id) => document.getElementById(id);
  const charts = {};
  let token = null;

  function readToken() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (fragment.get('token')) {
      sessionStorage.setItem('ledger.token', fragment.get('token'));
      history.replaceState(null, '', location.pathname + location.search); // keep the token out of the address bar
    }
    return sessionStorage.getItem('ledger.token');
  }

  async function graphql(query, variables) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors && body.errors.length) {
      const e = body.errors[0];
      const code = (e.extensions && e.extensions.code) || 'ERROR';
      const error = new Error(code + ': ' + e.message);
      error.code = code;
      throw error;
    }
    return body.data;
  }

  function chart(id) {
    if (!charts[id]) {
      // SVG: crisp at any size, and the drawing is part of the page (tests and screen readers can see it)
      charts[id] = echarts.init($(id), null, { renderer: 'svg' });
    }
    return charts[id];
  }

  function range() {
    const hours = Number($('range').value);
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3600 * 1000);
    return { from: from.toISOString(), to: to.toISOString() };
  }

  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  async function trend() {
    const { from, to } = range();
    const data = await graphql(`query($type: String!, $from: DateTime!, $to: DateTime!, $interval: TimeInterval, $zone: String) {
      eventTrends(eventType: $type, from: $from, to: $to, interval: $interval, timeZone: $zone) { date count } }`,
      { type: $('eventType').value, from, to, interval: $('interval').value, zone });
    const buckets = data.eventTrends;
    $('trend').dataset.sum = buckets.reduce((s, b) => s + b.count, 0);
    chart('trend').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: 'events', showSymbol: buckets.length < 60, areaStyle: { opacity: 0.15 },
        data: buckets.map((b) => [b.date, b.count]) }],
    }, true);
  }

  async function heatmap() {
    const { from, to } = range();
    const data = await graphql(`query($type: String!, $from: DateTime!, $to: DateTime!, $zone: String) {
      eventHeatmap(eventType: $type, from: $from, to: $to, timeZone: $zone) { weekdayHour } }`,
      { type: $('eventType').value, from, to, zone });
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const cells = [];
    let max = 0;
    data.eventHeatmap.weekdayHour.forEach((row, d) => row.forEach((count, h) => {
      cells.push([h, d, count]);
      max = Math.max(max, count);
    }));
    $('heatmap').dataset.sum = cells.reduce((s, c) => s + c[2], 0);
    chart('heatmap').setOption({
      animation: false,
      tooltip: { formatter: (p) => `${days[p.value[1]]} ${p.value[0]}:00 — ${p.value[2]}` },
      grid: { left: 50, right: 20, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: [...Array(24).keys()].map((h) => h + ':00'), splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 120 },
      series: [{ type: 'heatmap', data: cells, label: { show: false } }],
    }, true);
    $('heatmap-note').textContent = `time zone ${zone}`;
  }

  function bars(id, buckets) {
    chart(id).setOption({
      animation: false,
      tooltip: {},
      grid: { left: 10, right: 30, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: buckets.map((b) => b.key) },
      series: [{ type: 'bar', data: buckets.map((b) => b.count), label: { show: true, position: 'right' } }],
    }, true);
    $(id).dataset.sum = buckets.reduce((s, b) => s + b.count, 0);
  }

  async function statistics() {
    const { from, to } = range();
    const data = await graphql(`query($type: String!, $from: DateTime!, $to: DateTime!, $zone: String) {
      eventStatistics(eventType: $type, from: $from, to: $to, timeZone: $zone) {
        total byOrganization { key count } byUser { key count } } }`,
      { type: $('eventType').value, from, to, zone });
    const s = data.eventStatistics;
    $('total').textContent = s.total;
    $('organizations').textContent = s.byOrganization.length;
    bars('organizations-chart', s.byOrganization);
    bars('users-chart', s.byUser);
  }

  async function outcomes() {
    const { from, to } = range();
    const data = await graphql(`query($from: DateTime!, $to: DateTime!) {
      paymentOutcomes(from: $from, to: $to) { capturedPayments refundedPayments refundRate failedPayments
        failureReasons { key count } disputesOpened disputesLost } }`, { from, to });
    const o = data.paymentOutcomes;
    $('refund-rate').textContent = (o.refundRate * 100).toFixed(1) + ' %';
    $('refund-rate').title = `${o.refundedPayments} refunded of ${o.capturedPayments} captured payments`;
    bars('failures-chart', o.failureReasons);
    $('outcomes-note').textContent = `${o.failedPayments} failed · ${o.disputesOpened} disputes opened, `
      + `${o.disputesLost} lost · ${o.refundedPayments} of ${o.capturedPayments} captured payments refunded`;
  }

  async function events() {
    const text = $('text').value.trim();
    const filter = text ? { text } : null;
    const data = await graphql(`query($filter: EventFilter) {
      searchEvents(filter: $filter, page: { size: 20 }) { total items {
        timestamp eventType aggregateType aggregateId metadata { organizationId userId } data } } }`, { filter });
    const body = $('events').querySelector('tbody');
    body.replaceChildren(...data.searchEvents.items.map((e) => {
      const row = document.createElement('tr');
      [new Date(e.timestamp).toLocaleString(), e.eventType, e.aggregateType + ' ' + e.aggregateId,
        e.metadata.organizationId || '', e.metadata.userId || '', e.data].forEach((value, i) => {
        const cell = document.createElement('td');
        cell.textContent = value; // never HTML: event data is whatever clients wrote
        if (i === 5) cell.className = 'data';
        row.appendChild(cell);
      });
      return row;
    }));
    $('events').dataset.total = data.searchEvents.total;
    $('events-note').textContent = data.searchEvents.total + ' matching event(s)' + (text ? ` for “${text}”` : '');
    $('events-note').style.color = '#5b6776';
  }

  async function projection() {
    try {
      const data = await graphql(`{ projectionStatus { lastLagMillis backlog } }`);
      $('lag').textContent = data.projectionStatus.lastLagMillis;
      $('backlog').textContent = data.projectionStatus.backlog;
    } catch (e) {
      // projection figures are for operators (ledger:operator); everyone else sees the rest
      $('lag').textContent = $('backlog').textContent = e.code === 'FORBIDDEN' ? 'operators only' : 'n/a';
      $('lag').classList.add('muted');
    }
  }

  async function panel(name, work, note) {
    try {
      await work();
      if (note) $(note).textContent = '';
      return true;
    } catch (e) {
      if (note) $(note).textContent = e.message;
      $('status').textContent = `${name}: ${e.message}`;
      return false;
    }
  }

  async function refresh() {
    document.body.dataset.state = 'loading';
    const results = await Promise.all([
      panel('trend', trend, 'trend-note'),
      panel('heatmap', heatmap, 'heatmap-note'),
      panel('statistics', statistics, 'trend-note'),
      panel('events', events, 'events-note'),
      panel('outcomes', outcomes, 'outcomes-note'),
      panel('projection', projection, null),
    ]);
    const ok = results.every(Boolean);
    document.body.dataset.state = ok ? 'ready' : 'error';
    if (ok) $('status').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  function start() {
    token = readToken();
    if (!token) {
      $('token-box').hidden = false;
      document.body.dataset.state = 'needs-token';
      return;
    }
    try {
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      $('who').textContent = `${claims.sub} · ${claims.org} · ${(claims.groups || []).join(', ')}`;
    } catch (ignored) { /* an opaque token: the server decides */ }
    refresh();
  }

  $('controls').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  $('search').addEventListener('submit', (e) => { e.preventDefault(); panel('events', events, 'events-note'); });
  $('use-token').addEventListener('click', () => {
    sessionStorage.setItem('ledger.token', $('token').value.trim());
    $('token-box').hidden = true;
    start();
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  start();
})();

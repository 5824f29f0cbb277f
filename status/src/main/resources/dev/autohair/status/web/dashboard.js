// The AutoHair dashboard: recent jobs from /jobs, totals from /stats, refreshed when /events says
// something changed (and every 10 s as a fallback). Plain DOM, no libraries.
'use strict';

const STAGES = ['fetch', 'decode', 'segment', 'trimap', 'matte', 'colour', 'encode', 'store'];
const FAILURES = ['FAILED', 'DEAD_LETTERED'];
const OUTCOMES = [['succeeded', 'succeeded'], ['failed', 'failed'], ['deadLettered', 'dead-lettered']];
const SVG = 'http://www.w3.org/2000/svg';
let refreshTimer = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null) node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function minuteLabel(iso) {
  return new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
}

// Jobs per minute by outcome, the last hour: one stacked column per minute (stats.lastHour).
function outcomeChart(minutes) {
  const W = 600, H = 120, TOP = 14, COL = W / minutes.length;
  const max = Math.max(1, ...minutes.map(m => m.succeeded + m.failed + m.deadLettered));
  const scale = (H - TOP) / max;
  const chart = svg('svg', {viewBox: `0 0 ${W} ${H + 16}`, class: 'chart', role: 'img',
    'aria-label': 'jobs finished per minute by outcome, last hour'});
  minutes.forEach((m, i) => {
    const column = svg('g', {class: 'minute', 'data-minute': m.start});
    let y = H;
    OUTCOMES.forEach(([field, name]) => {
      const n = m[field];
      if (!n) return;
      y -= n * scale;
      column.append(svg('rect', {class: 'seg ' + name, 'data-outcome': name, 'data-count': n,
        x: (i * COL + 1).toFixed(1), y: y.toFixed(1), width: (COL - 2).toFixed(1), height: (n * scale).toFixed(1)},
        svg('title', {}, minuteLabel(m.start) + ': ' + n + ' ' + name)));
    });
    chart.append(column);
  });
  chart.append(svg('line', {class: 'axis', x1: 0, y1: H + 0.5, x2: W, y2: H + 0.5}),
    svg('text', {class: 'tick', x: 0, y: 10}, 'max ' + max + ' / min'),
    svg('text', {class: 'tick', x: 0, y: H + 14}, minutes.length ? minuteLabel(minutes[0].start) : ''),
    svg('text', {class: 'tick', x: W, y: H + 14, 'text-anchor': 'end'}, 'now'));
  const legend = el('div', {class: 'legend'}, OUTCOMES.map(([field, name]) => {
    const total = minutes.reduce((sum, m) => sum + m[field], 0);
    return el('span', {class: 'key', 'data-outcome': name, 'data-total': total},
      el('span', {class: 'swatch ' + name}), name + ' ' + total);
  }));
  return [chart, legend];
}

// The share of a job's time each stage takes (means over jobs that report the stage): one 100% bar.
function stageChart(means) {
  const stages = STAGES.filter(s => means && means[s] > 0);
  const total = stages.reduce((sum, s) => sum + means[s], 0);
  if (!total) return [el('p', {class: 'empty'}, 'no stage timings yet')];
  const W = 600, H = 28;
  const chart = svg('svg', {viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'share of time per stage'});
  const legend = el('div', {class: 'legend'});
  let x = 0;
  stages.forEach(s => {
    const share = means[s] / total;
    const pct = (share * 100).toFixed(1);
    chart.append(svg('rect', {class: 'share stage-' + s, 'data-stage': s, 'data-share': pct,
      x: x.toFixed(1), y: 0, width: (share * W).toFixed(1), height: H}, svg('title', {}, s + ' ' + pct + '%')));
    if (share * W > 44) {
      chart.append(svg('text', {class: 'share-label', x: (x + share * W / 2).toFixed(1), y: H / 2 + 4,
        'text-anchor': 'middle'}, s));
    }
    x += share * W;
    legend.append(el('span', {class: 'key', 'data-stage': s, 'data-share': pct},
      el('span', {class: 'swatch stage-' + s}), s + ' ' + pct + '% (' + means[s] + ' ms)'));
  });
  return [chart, legend];
}

function thumb(url, alt) {
  if (!url) return '';
  const img = el('img', {class: 'thumb', src: url, alt: alt, loading: 'lazy'});
  // Not every input is an image a browser shows (a failed job's may be anything).
  img.addEventListener('error', () => img.replaceWith(el('span', {class: 'no-thumb'}, 'no preview')));
  return img;
}

function timings(t) {
  return STAGES.filter(s => t && t[s] !== undefined).map(s => s + ' ' + t[s]).join(' · ');
}

// A failed job's bar stops where it failed, in the failure colour: terminal events all say progress 1,
// so the bar shows progressReached, the last step the attempt completed.
function bar(job) {
  const failed = job.finished && FAILURES.includes(job.state);
  const stopped = failed || job.state === 'RETRYING';
  const pct = Math.round(((stopped ? job.progressReached : job.progress) || 0) * 100);
  const kind = failed ? 'failed' : job.state === 'RETRYING' ? 'retrying' : job.state === 'SUCCEEDED' ? 'succeeded' : 'running';
  const where = stopped && job.stage ? ' at ' + job.stage : '';
  const track = el('span', {class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': pct, title: (failed ? 'failed' + where + ' after ' : stopped ? 'retrying' + where + ' after ' : '') + pct + '%'},
    el('span', {class: 'fill ' + kind, style: 'width: ' + pct + '%'}));
  return [track, ' ' + pct + '%' + where];
}

function row(job) {
  const links = job.links || {};
  const stateCell = el('td', {}, el('span', {class: 'state ' + job.state}, job.state));
  if (job.error) {
    stateCell.append(el('div', {class: 'error', title: job.error.message}, job.error.code));
  }
  return el('tr', {'data-job-id': job.jobId, 'data-state': job.state},
    el('td', {class: 'id'}, job.jobId),
    stateCell,
    el('td', {class: 'progress'}, bar(job)),
    el('td', {}, (job.workerId || '–') + (job.attempt ? ' / ' + job.attempt : '')),
    el('td', {class: 'timings'}, timings(job.timingsMs)),
    el('td', {class: 'before'}, thumb(links.input, 'input of ' + job.jobId)),
    el('td', {class: 'after'}, thumb(links.cutout || links.matte, 'cutout of ' + job.jobId)),
    el('td', {}, job.updatedAt ? new Date(job.updatedAt).toLocaleTimeString() : ''));
}

function entries(map) {
  return Object.entries(map || {}).map(([k, v]) => k + ' ' + v).join(' · ') || '–';
}

async function getJson(path) {
  const response = await fetch(path, {cache: 'no-store'});
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(path + ': ' + response.status + ' ' + (body.message || ''));
  }
  return response.json();
}

async function refresh() {
  refreshTimer = null;
  try {
    const [list, stats] = await Promise.all([getJson('jobs?limit=50'), getJson('stats')]);
    document.querySelector('#jobs tbody').replaceChildren(...list.jobs.map(row));
    document.getElementById('total-jobs').textContent = stats.jobs;
    document.getElementById('throughput').textContent = stats.finishedLastMinute;
    document.getElementById('errors').textContent = stats.failed;
    document.getElementById('errors').title = entries(stats.errors);
    document.getElementById('by-state').textContent = entries(stats.byState);
    document.getElementById('mean-timings').textContent = entries(stats.meanTimingsMs);
    document.getElementById('outcomes-chart').replaceChildren(...outcomeChart(stats.lastHour || []));
    document.getElementById('stages-chart').replaceChildren(...stageChart(stats.meanTimingsMs));
    document.getElementById('message').textContent = '';
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
  } catch (e) {
    document.getElementById('message').textContent = 'cannot load: ' + e.message;
  }
}

// Many changes in a burst cause one refresh.
function scheduleRefresh() {
  if (refreshTimer === null) refreshTimer = setTimeout(refresh, 250);
}

function listen() {
  const live = document.getElementById('live');
  const events = new EventSource('events');
  events.onopen = () => { live.textContent = 'live'; live.classList.remove('off'); };
  events.onerror = () => { live.textContent = 'reconnecting'; live.classList.add('off'); };
  events.addEventListener('job', scheduleRefresh);
}

refresh();
listen();
setInterval(scheduleRefresh, 10000);

// The AutoHair dashboard: recent jobs from /jobs, totals from /stats, refreshed when /events says
// something changed (and every 10 s as a fallback). Plain DOM, no libraries.
'use strict';

const STAGES = ['fetch', 'decode', 'segment', 'trimap', 'matte', 'colour', 'encode', 'store'];
let refreshTimer = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null) node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
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

function row(job) {
  const links = job.links || {};
  const progress = Math.round((job.progress || 0) * 100);
  const stateCell = el('td', {}, el('span', {class: 'state ' + job.state}, job.state));
  if (job.error) {
    stateCell.append(el('div', {class: 'error', title: job.error.message}, job.error.code));
  }
  return el('tr', {'data-job-id': job.jobId, 'data-state': job.state},
    el('td', {class: 'id'}, job.jobId),
    stateCell,
    el('td', {}, el('progress', {max: 100, value: progress}), ' ' + progress + '%'),
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

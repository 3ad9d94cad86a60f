/*
 * app.js — the dyad dashboard.
 *
 * One page over the read-only JSON API (doc/api.md). The filters form is the
 * single source of state: every panel reads it, and "Apply" redraws them all.
 * The server aggregates (countries, series) so the page stays fast at millions
 * of events; the table is paginated on the server.
 */
"use strict";

const PAGE = 25;
const ROOTS = ["01 statement", "02 appeal", "03 intent to cooperate", "04 consult",
  "05 diplomatic cooperation", "06 material cooperation", "07 aid", "08 yield",
  "09 investigate", "10 demand", "11 disapprove", "12 reject", "13 threaten",
  "14 protest", "15 force posture", "16 reduce relations", "17 coerce", "18 assault",
  "19 fight", "20 mass violence"];

const state = { offset: 0, world: null, isoNumeric: null, chart: null };
const $ = (sel) => document.querySelector(sel);

function filterParams() {
  const f = new FormData($("#filters"));
  const p = new URLSearchParams();
  for (const k of ["from", "to", "country", "dyad", "root", "text"]) {
    const v = (f.get(k) || "").trim();
    if (v) p.set(k, k === "country" || k === "dyad" ? v.toUpperCase() : v);
  }
  return p;
}

async function api(path, params, init) {
  const url = params ? `${path}?${params}` : path;
  const r = await fetch(url, init);
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function showError(where, err) {
  where.innerHTML = `<p class="error" role="alert">${esc(err.message || err)}</p>`;
}

/* ---- map ------------------------------------------------------------- */

async function loadWorld() {
  const [topo, iso] = await Promise.all([
    fetch("vendor/countries-110m.json").then((r) => r.json()),
    fetch("vendor/iso-numeric.json").then((r) => r.json()),
  ]);
  state.world = topojson.feature(topo, topo.objects.countries);
  state.isoNumeric = iso;
}

function color(v, max, goldstein) {
  if (goldstein) {                       // -10 (red) .. +10 (blue)
    const t = Math.max(-1, Math.min(1, v / 10));
    return t < 0 ? `rgba(192,57,43,${0.15 + 0.85 * -t})` : `rgba(42,122,176,${0.15 + 0.85 * t})`;
  }
  const t = max > 0 ? Math.log1p(v) / Math.log1p(max) : 0;
  return `rgba(42,122,176,${0.12 + 0.88 * t})`;
}

async function drawMap() {
  const svg = $("#map");
  const shade = new FormData($("#filters")).get("shade");
  const goldstein = shade === "goldstein";
  const data = await api("/api/countries", filterParams());
  const by = new Map(data.countries.map((c) => [c.country, c]));
  const max = Math.max(0, ...data.countries.map((c) => c.events));
  const path = d3.geoPath(d3.geoNaturalEarth1().fitSize([960, 480], state.world));
  svg.innerHTML = "";
  for (const f of state.world.features) {
    const code = state.isoNumeric[f.id] || "";
    const c = by.get(code);
    const el = document.createElementNS("http://www.w3.org/2000/svg", "path");
    el.setAttribute("d", path(f) || "");
    el.setAttribute("class", "country");
    el.dataset.country = code;
    el.dataset.events = c ? c.events : 0;
    el.setAttribute("fill", c ? color(goldstein ? c.goldstein_mean : c.events, max, goldstein) : "#e3e7ec");
    el.addEventListener("mousemove", (ev) => tip(ev, f.properties.name, c));
    el.addEventListener("mouseleave", () => { $("#map-tip").hidden = true; });
    el.addEventListener("click", () => { $("#filters").country.value = code; applyFilters(); });
    svg.appendChild(el);
  }
  $("#map-legend").textContent = goldstein ? "blue = cooperative, red = hostile (Goldstein mean)"
    : `${data.countries.length} countries, up to ${max.toLocaleString()} events`;
}

function tip(ev, name, c) {
  const t = $("#map-tip");
  const box = $("#map-panel").getBoundingClientRect();
  t.hidden = false;
  t.style.left = `${ev.clientX - box.left + 12}px`;
  t.style.top = `${ev.clientY - box.top + 12}px`;
  t.textContent = c ? `${name}: ${c.events.toLocaleString()} events, Goldstein ${c.goldstein_mean.toFixed(2)}` : `${name}: no events`;
}

/* ---- time series ----------------------------------------------------- */

function periodTime(p) {                  // "2022", "2022-10", "2022-10-31", "2022-W44"
  const w = /^(\d{4})-W(\d{2})$/.exec(p);
  if (w) return Date.UTC(+w[1], 0, 1 + 7 * (+w[2] - 1)) / 1000;
  const [y, m = "01", d = "01"] = p.split("-");
  return Date.UTC(+y, +m - 1, +d) / 1000;
}

async function drawSeries() {
  const p = filterParams();
  p.set("by", new FormData($("#filters")).get("by"));
  const data = await api("/api/series", p);
  const s = data.series;
  const xs = s.map((r) => periodTime(r.period));
  const coop = s.map((r) => r.quad1 + r.quad2);
  const conf = s.map((r) => r.quad3 + r.quad4);
  $("#series-total").textContent = `${s.reduce((a, r) => a + r.events, 0).toLocaleString()} events in ${s.length} periods`;
  const el = $("#chart");
  el.dataset.periods = s.length;
  if (state.chart) state.chart.destroy();
  state.chart = new uPlot({
    width: Math.max(300, el.clientWidth || 600), height: 260,
    series: [{}, { label: "cooperation (Quad 1-2)", stroke: "#2a7ab0", width: 2 },
                 { label: "conflict (Quad 3-4)", stroke: "#c0392b", width: 2 }],
    axes: [{}, { label: "events" }],
  }, [xs, coop, conf], el);
}

/* ---- events table ---------------------------------------------------- */

async function drawEvents() {
  const p = filterParams();
  p.set("limit", PAGE + 1);               // one extra row tells whether there is a next page
  p.set("offset", state.offset);
  const data = await api("/api/events", p);
  const rows = data.events.slice(0, PAGE);
  const tbody = $("#events tbody");
  tbody.innerHTML = "";
  for (const ev of rows) {
    const tr = document.createElement("tr");
    tr.className = `q${ev.quad}`;
    tr.innerHTML = `<td>${esc(ev.date)}</td><td title="${esc(ev.source_name)}">${esc(ev.source)}</td>` +
      `<td title="${esc(ev.plover)}">${esc(ev.code)}</td><td title="${esc(ev.target_name)}">${esc(ev.target)}</td>` +
      `<td>${esc(ev.location ? ev.location.name || ev.location.country : "")}</td>` +
      `<td>${ev.fatalities ?? ""}</td><td>${ev.num_mentions ?? 1}</td>`;
    tr.addEventListener("click", () => openEvent(ev, tr));
    tbody.appendChild(tr);
  }
  $("#events-count").textContent = rows.length ? `${state.offset + 1}–${state.offset + rows.length}` : "none";
  $("#page").textContent = `page ${state.offset / PAGE + 1}`;
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = data.events.length <= PAGE;
  $("#detail").hidden = true;
}

/* Highlight the actor names and the verb in the sentence: spans when the
 * event has them, else the first occurrence of each name. */
function highlight(text, ev) {
  const marks = [];
  const add = (span, cls) => { if (span && span[0] >= 0 && span[1] > span[0]) marks.push([span[0], span[1], cls]); };
  const find = (name, cls) => {
    if (!name) return;
    const i = text.toLowerCase().indexOf(name.toLowerCase());
    if (i >= 0) marks.push([i, i + name.length, cls]);
  };
  if (ev.source_span) add(ev.source_span, "src"); else find(ev.source_name, "src");
  if (ev.target_span) add(ev.target_span, "tgt"); else find(ev.target_name, "tgt");
  add(ev.verb_span, "verb");
  marks.sort((a, b) => a[0] - b[0]);
  let out = "", at = 0;
  for (const [s, e, cls] of marks) {
    if (s < at) continue;                 // overlapping spans: keep the first
    out += esc(text.slice(at, s)) + `<mark class="${cls}">${esc(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + esc(text.slice(at));
}

function openEvent(ev, tr) {
  document.querySelectorAll("#events tr.open").forEach((r) => r.classList.remove("open"));
  tr.classList.add("open");
  const d = $("#detail");
  const mentions = (ev.mentions || []).map((m) =>
    `<li>${esc(m.date || "")} <a href="${esc(m.url || "#")}" rel="noopener">${esc(m.article_id)}</a> ` +
    `(${esc(m.source || "")}): ${esc(m.text || "")}</li>`).join("");
  d.innerHTML = `<p class="sentence">${highlight(ev.text || "", ev)}</p>
    <p><b>${esc(ev.source)}</b> (${esc(ev.source_name)}) → <b>${esc(ev.code)}</b> → <b>${esc(ev.target)}</b>
    (${esc(ev.target_name)}) · QuadClass ${esc(ev.quad)} · Goldstein ${esc(ev.goldstein)} · PLOVER ${esc(ev.plover)}</p>
    <p>Rule: <code class="rule">${esc(ev.rule)}</code> · date ${esc(ev.date)} (${esc(ev.date_from)})
    ${ev.location ? `· place ${esc(ev.location.name || "")} ${esc(ev.location.country)}` : ""}</p>
    <details open><summary>${(ev.mentions || []).length} mention(s)</summary><ul>${mentions}</ul></details>`;
  d.hidden = false;
}

/* ---- try the coder --------------------------------------------------- */

async function tryCoder(e) {
  e.preventDefault();
  const f = new FormData($("#try"));
  const out = $("#try-events");
  out.textContent = "coding…";
  try {
    const body = JSON.stringify({ id: "pasted", date: f.get("date"), text: f.get("text") });
    const r = await api("/api/code", null, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    out.innerHTML = r.events.length ? `<table><thead><tr><th>Source</th><th>Code</th><th>Target</th><th>Date</th><th>Sentence</th></tr></thead><tbody>` +
      r.events.map((ev) => `<tr class="q${ev.quad}"><td>${esc(ev.source)}</td><td>${esc(ev.code)}</td><td>${esc(ev.target)}</td>` +
        `<td>${esc(ev.date)}</td><td>${highlight(ev.text || "", ev)}</td></tr>`).join("") + "</tbody></table>"
      : "<p>No events.</p>";
    $("#try-explain").textContent = r.explain || "";
  } catch (err) {
    showError(out, err);
  }
}

/* ---- wiring ---------------------------------------------------------- */

async function applyFilters(e) {
  if (e) e.preventDefault();
  state.offset = 0;
  await redraw();
}

async function redraw() {
  const jobs = [[drawMap, "#map-legend"], [drawSeries, "#chart"], [drawEvents, "#events-count"]];
  await Promise.all(jobs.map(([fn, where]) => fn().catch((err) => showError($(where), err))));
  document.body.dataset.ready = "1";      // for the browser tests
}

async function main() {
  const sel = $("#filters").root;
  ROOTS.forEach((r) => sel.add(new Option(r, r.slice(0, 2))));
  $("#try").date.valueAsDate = new Date();
  $("#filters").addEventListener("submit", applyFilters);
  $("#filters").addEventListener("reset", () => setTimeout(applyFilters, 0));
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); drawEvents(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; drawEvents(); });
  $("#try").addEventListener("submit", tryCoder);
  try {
    const h = await api("/api/health");
    $("#health").textContent = `${h.events.toLocaleString()} events from ${h.articles.toLocaleString()} articles · dyad ${h.version}`;
  } catch (err) {
    $("#health").textContent = `API unavailable: ${err.message}`;
  }
  await loadWorld();
  await redraw();
}

main();

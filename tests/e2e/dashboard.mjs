// dashboard.mjs — the dashboard in a real headless Chromium (playwright-core).
// Usage: node tests/e2e/dashboard.mjs BASE_URL EXPECT_JSON SCREENSHOT
// EXPECT_JSON: {"events": N, "top_country": "RUS", "top_country_events": N, "filter_country": "ARM",
//               "filter_events": N}. Prints TAP.
import { chromium } from "playwright-core";

const [base, expectJson, shot] = process.argv.slice(2);
const want = JSON.parse(expectJson);
let n = 0, failed = 0;
function check(ok, what, detail = "") {
  n++;
  if (!ok) failed++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${what}${ok || !detail ? "" : ` (${detail})`}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const external = [];
  const errors = [];
  page.on("request", (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  await page.goto(base, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });

  const health = await page.textContent("#health");
  check(health.includes(`${want.events.toLocaleString("en-US")} events`), "header shows the event count", health);

  const shaded = await page.$$eval("#map path.country", (ps) => ps.filter((p) => +p.dataset.events > 0).length);
  const paths = await page.$$eval("#map path.country", (ps) => ps.length);
  check(paths > 150, "map draws the world's countries", `${paths} paths`);
  check(shaded >= want.countries_min, "map shades the countries with events", `${shaded} shaded`);
  const top = await page.$eval(`#map path[data-country='${want.top_country}']`, (p) => +p.dataset.events);
  check(top === want.top_country_events, `map: ${want.top_country} has ${want.top_country_events} events`, `${top}`);

  const periods = await page.$eval("#chart", (c) => +c.dataset.periods);
  const canvas = await page.$("#chart canvas");
  check(canvas !== null && periods >= want.periods_min, "time series chart renders", `${periods} periods`);
  const total = await page.textContent("#series-total");
  check(total.startsWith(`${want.events.toLocaleString("en-US")} events`), "series totals match the database", total);

  const rows = await page.$$eval("#events tbody tr", (r) => r.length);
  check(rows === Math.min(25, want.events), "events table shows a page of events", `${rows} rows`);

  // filter by a country: every row is that country's
  await page.fill("#filters input[name=country]", want.filter_country);
  await page.click("#filters button[type=submit]");
  await page.waitForFunction((c) => {
    const rs = [...document.querySelectorAll("#events tbody tr")];
    return rs.length > 0 && rs.every((r) => r.cells[1].textContent.startsWith(c) || r.cells[3].textContent.startsWith(c));
  }, want.filter_country, { timeout: 10000 });
  const frows = await page.$$eval("#events tbody tr", (r) => r.length);
  check(frows === Math.min(25, want.filter_events), `filter country=${want.filter_country} shows its events`, `${frows} rows`);
  // the three panels redraw independently: wait for the chart's total to follow the filter
  await page.waitForFunction((n) => document.querySelector("#series-total").textContent.startsWith(`${n} events`),
    want.filter_events, { timeout: 10000 }).catch(() => {});
  const ftotal = await page.textContent("#series-total");
  check(ftotal.startsWith(`${want.filter_events} events`), "filtered series total", ftotal);

  // open an event: sentence with highlighted actors, rule, mentions
  await page.click("#events tbody tr:first-child");
  await page.waitForSelector("#detail:not([hidden])");
  const marks = await page.$$eval("#detail mark", (m) => m.map((x) => x.className));
  check(marks.includes("src") && marks.includes("tgt"), "event detail highlights source and target", marks.join(","));
  const rule = await page.textContent("#detail code.rule");
  check(/:\d+$/.test(rule), "event detail names the rule file:line", rule);

  // pagination
  await page.fill("#filters input[name=country]", "");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(() => document.querySelectorAll("#events tbody tr").length === 25);
  await page.click("#next");
  await page.waitForFunction(() => document.querySelector("#page").textContent === "page 2");
  check(true, "pagination moves to page 2");

  await page.screenshot({ path: shot, fullPage: true });
  check(external.length === 0, "nothing loads from outside the server", external.slice(0, 3).join(" "));
  check(errors.length === 0, "no script errors in the page", errors.slice(0, 3).join(" | "));
} catch (e) {
  check(false, "dashboard test ran to the end", String(e).split("\n")[0]);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);

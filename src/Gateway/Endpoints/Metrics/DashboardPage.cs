namespace MarketingDev.Gateway.Endpoints.Metrics;

/// <summary>
/// GET /dashboard: one dependency-free page (HTML, CSS and JavaScript, SVG line charts drawn by hand) for people who
/// would rather look than read. It holds no data: it asks for an API key (kept in the browser's localStorage) and reads
/// the public API (timeseries per week, summary against the baseline), as any other client does.
/// </summary>
internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>MarketingDev: did the practices help?</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2933; background: #f7f9fb; }
          h1 { font-size: 1.4rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; }
          form { margin: .5rem 0 1rem; } input { width: 22rem; padding: .3rem; }
          #charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 1rem; }
          figure { margin: 0; background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: .6rem; }
          figcaption { font-weight: 600; margin-bottom: .3rem; }
          svg.chart { width: 100%; height: 160px; }
          svg.chart polyline { fill: none; stroke: #2563eb; stroke-width: 2; }
          svg.chart circle { fill: #2563eb; } svg.chart line.baseline { stroke: #d97706; stroke-dasharray: 4 3; }
          svg.chart text { font-size: 10px; fill: #52606d; }
          table { border-collapse: collapse; background: #fff; } td, th { border: 1px solid #d9e2ec; padding: .25rem .6rem; text-align: right; }
          td:first-child, th:first-child { text-align: left; } .better { color: #047857; } .worse { color: #b91c1c; }
          #status[data-state=error] { color: #b91c1c; }
        </style>
        </head>
        <body>
        <h1>Did the practices help?</h1>
        <form id="key-form"><label>API key <input id="key" type="password" autocomplete="off" placeholder="mdk_…"></label> <button type="submit">Show</button></form>
        <p id="status" role="status" data-state="idle">Enter an API key to load the metrics.</p>
        <section><h2>Baseline vs now</h2>
          <table id="compare"><thead><tr><th>Metric</th><th>Baseline</th><th>Now</th><th>Change</th></tr></thead><tbody></tbody></table>
        </section>
        <section><h2>Per week</h2><div id="charts"></div></section>
        <script>
        "use strict";
        // name, title, true when lower is better
        const METRICS = [
          ["leadTimeMedian", "Lead time, median (days)", true],
          ["cycleTimeMedian", "Cycle time, median (days)", true],
          ["throughputPerWeek", "Deliveries per week", false],
          ["returnedForInformationRate", "Returned for information (share)", true],
          ["clarificationRoundsPerDelivered", "Clarification rounds per delivery", true],
          ["reworkRate", "Reopened after delivery (share)", true],
          ["postLaunchBugsPerDelivered", "Post-launch bugs per delivery", true],
          ["questionsPerWeek", "Questions asked per week", true],
          ["selfServiceRate", "Knowledge self-service (share)", false],
        ];
        const params = new URLSearchParams(location.search);
        const weeks = Number(params.get("weeks") || 12);
        const to = params.get("to") ? new Date(params.get("to")) : new Date();
        const from = params.get("from") ? new Date(params.get("from")) : new Date(to.getTime() - weeks * 7 * 86400000);
        const status = document.getElementById("status");
        const keyInput = document.getElementById("key");
        keyInput.value = localStorage.getItem("marketingdev-api-key") || "";

        function setStatus(state, text) { status.dataset.state = state; status.textContent = text; }

        async function api(key, path) {
          const response = await fetch(path, { headers: { "X-Api-Key": key, "Accept": "application/json" } });
          if (!response.ok) { throw new Error(path.split("?")[0] + " answered " + response.status); }
          return response.json();
        }

        function format(value) { return value === null || value === undefined ? "–" : (Math.round(value * 100) / 100).toString(); }

        function svg(tag, attributes, parent) {
          const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
          for (const [k, v] of Object.entries(attributes)) { element.setAttribute(k, v); }
          if (parent) { parent.appendChild(element); }
          return element;
        }

        function drawChart(name, title, series, baseline) {
          const figure = document.createElement("figure");
          const caption = document.createElement("figcaption");
          caption.textContent = title;
          figure.appendChild(caption);
          const width = 320, height = 150, left = 34, bottom = 18, top = 8, right = 8;
          const chart = svg("svg", { "class": "chart", "viewBox": `0 0 ${width} ${height}`, "data-metric": name, "role": "img", "aria-label": title });
          const values = series.points.map(p => p.value).filter(v => v !== null);
          const max = Math.max(...values, baseline ?? 0, 0) || 1;
          const x = i => left + (series.points.length <= 1 ? 0 : i * (width - left - right) / (series.points.length - 1));
          const y = v => height - bottom - v / max * (height - bottom - top);
          svg("line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: "#9aa5b1" }, chart);
          svg("text", { x: 2, y: top + 8 }, chart).textContent = format(max);
          svg("text", { x: 2, y: height - bottom }, chart).textContent = "0";
          const points = series.points.map((p, i) => p.value === null ? null : [x(i), y(p.value)]).filter(p => p !== null);
          if (baseline !== null && baseline !== undefined) {
            svg("line", { "class": "baseline", x1: left, x2: width - right, y1: y(baseline), y2: y(baseline) }, chart);
          }
          if (points.length > 0) {
            svg("polyline", { points: points.map(p => p.join(",")).join(" ") }, chart);
            for (const [cx, cy] of points) { svg("circle", { cx, cy, r: 2.5 }, chart); }
          } else {
            svg("text", { x: width / 2 - 20, y: height / 2 }, chart).textContent = "no data";
          }
          const first = series.points[0], last = series.points[series.points.length - 1];
          if (first) { svg("text", { x: left, y: height - 4 }, chart).textContent = first.start.slice(0, 10); }
          if (last) { svg("text", { x: width - right - 52, y: height - 4 }, chart).textContent = last.start.slice(0, 10); }
          chart.dataset.points = String(points.length);
          figure.appendChild(chart);
          document.getElementById("charts").appendChild(figure);
        }

        function fillComparison(summary) {
          const body = document.querySelector("#compare tbody");
          body.replaceChildren();
          for (const [name, title, lowerIsBetter] of METRICS) {
            const metric = summary.metrics.find(m => m.name === name);
            const row = body.insertRow();
            row.insertCell().textContent = title;
            row.insertCell().textContent = format(metric.comparedValue);
            row.insertCell().textContent = format(metric.value);
            const change = row.insertCell();
            change.textContent = metric.changeRatio === null ? "–" : (metric.changeRatio > 0 ? "+" : "") + Math.round(metric.changeRatio * 100) + "%";
            if (metric.change !== null && metric.change !== 0) { change.className = (metric.change < 0) === lowerIsBetter ? "better" : "worse"; }
          }
        }

        async function load(key) {
          setStatus("loading", "Loading…");
          document.getElementById("charts").replaceChildren();
          const period = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
          const summary = await api(key, `/api/v1/metrics/summary?${period}&compare=baseline`);
          const baselineSet = summary.comparedFrom !== null;
          fillComparison(baselineSet ? summary : await api(key, `/api/v1/metrics/summary?${period}&compare=previous`));
          for (const [name, title] of METRICS) {
            const series = await api(key, `/api/v1/metrics/timeseries?metric=${name}&interval=week&${period}`);
            const baseline = baselineSet ? summary.metrics.find(m => m.name === name).comparedValue : null;
            drawChart(name, title, series, baseline);
          }
          setStatus("done", baselineSet
            ? `Weeks from ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}; dashed: the baseline period's value.`
            : "No baseline set (PUT /api/v1/metrics/baseline): compared with the previous period.");
        }

        document.getElementById("key-form").addEventListener("submit", event => {
          event.preventDefault();
          const key = keyInput.value.trim();
          localStorage.setItem("marketingdev-api-key", key);
          load(key).catch(error => setStatus("error", error.message));
        });
        if (keyInput.value) { load(keyInput.value).catch(error => setStatus("error", error.message)); }
        </script>
        </body>
        </html>
        """;
}

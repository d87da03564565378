/// The dashboard's stylesheet and script, compiled into the binary and served from
/// `/static/`: nothing is fetched from elsewhere, so the pages work offline.
enum DashboardAssets {
    static let stylesheet = """
        :root { --ink: #222; --muted: #666; --rule: #ddd; --accent: #1b9e77; --bad: #c0392b; --warn: #d95f02; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fafafa; }
        header { display: flex; align-items: center; gap: 1.5em; padding: .6em 1.5em; background: #263238; color: #fff; }
        header a { color: #cfd8dc; text-decoration: none; margin-right: 1em; }
        header a.brand { color: #fff; font-weight: 700; font-size: 1.1em; }
        .live-state { margin-left: auto; font-size: .85em; color: #b0bec5; }
        main { padding: 1em 1.5em 3em; max-width: 1400px; }
        h1 { font-size: 1.4em; margin: .4em 0 .2em; }
        h2 { font-size: 1.1em; margin: 1.6em 0 .4em; border-bottom: 1px solid var(--rule); padding-bottom: .2em; }
        a { color: #1565c0; }
        table { border-collapse: collapse; background: #fff; font-variant-numeric: tabular-nums; margin: .3em 0; }
        th, td { border: 1px solid var(--rule); padding: .25em .6em; text-align: left; vertical-align: top; }
        th { background: #eceff1; white-space: nowrap; }
        table.sortable th { cursor: pointer; user-select: none; }
        th.sorted-ascending::after { content: " ▲"; font-size: .75em; }
        th.sorted-descending::after { content: " ▼"; font-size: .75em; }
        td.number { text-align: right; white-space: nowrap; }
        .scroll { overflow-x: auto; max-width: 100%; }
        tr.best td { font-weight: 700; background: #e8f5e9; }
        .hidden-column { display: none; }
        .status { display: inline-block; padding: 0 .5em; border-radius: .8em; font-size: .85em; background: #eceff1; }
        .status-completed { background: #e8f5e9; color: #1b5e20; }
        .status-running { background: #e3f2fd; color: #0d47a1; }
        .status-pruned { background: #fff3e0; color: #e65100; }
        .status-failed, .status-diverged { background: #ffebee; color: #b71c1c; }
        .status-interrupted, .status-superseded { background: #f5f5f5; color: #555; }
        .note, .meta { color: var(--muted); }
        .counts span { margin-right: 1em; }
        .charts { display: flex; flex-wrap: wrap; gap: 1em; }
        svg.chart { background: #fff; border: 1px solid var(--rule); width: 600px; max-width: 100%; height: auto; }
        svg.chart.wide { width: 900px; }
        svg.progress { display: block; margin: .3em 0; }
        .scroll td { white-space: nowrap; }
        pre { background: #fff; border: 1px solid var(--rule); padding: .6em; overflow-x: auto; max-height: 28em; }
        details.columns { margin: .4em 0; }
        details.columns label { margin-right: 1em; white-space: nowrap; }
        .toolbar { margin: .5em 0; display: flex; gap: 1em; align-items: center; }
        button { font: inherit; padding: .2em .8em; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 2em; }
        .error { color: var(--bad); }
        """

    /// Sorting, column choice, overlay selection and live polling; state survives a swap.
    static let script = #"""
        "use strict";
        (function () {
          const state = { sort: {}, hidden: {}, open: {}, picked: new Set(), etag: null };
          try { Object.assign(state.hidden, JSON.parse(sessionStorage.getItem("cflab-hidden") || "{}")); } catch (e) {}

          function cellValue(row, index) {
            const cell = row.cells[index];
            if (!cell) return "";
            const value = cell.getAttribute("data-value");
            if (value !== null && value !== "") { const number = Number(value); if (!Number.isNaN(number)) return number; }
            return cell.textContent.trim();
          }

          function sortTable(table, index, descending) {
            const body = table.tBodies[0];
            if (!body) return;
            const rows = Array.from(body.rows);
            rows.sort(function (a, b) {
              const x = cellValue(a, index), y = cellValue(b, index);
              const missingX = x === "" || x === "-", missingY = y === "" || y === "-";
              if (missingX !== missingY) return missingX ? 1 : -1;
              let order = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
              return descending ? -order : order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            Array.from(table.tHead.rows[0].cells).forEach(function (th, i) {
              th.classList.toggle("sorted-ascending", i === index && !descending);
              th.classList.toggle("sorted-descending", i === index && descending);
            });
          }

          function applyColumns(table) {
            const hidden = state.hidden[table.id] || [];
            Array.from(table.rows).forEach(function (row) {
              Array.from(row.cells).forEach(function (cell, i) { cell.classList.toggle("hidden-column", hidden.indexOf(i) >= 0); });
            });
          }

          function columnChooser(table) {
            const chooser = document.createElement("details");
            chooser.className = "columns";
            const summary = document.createElement("summary");
            summary.textContent = "Columns";
            chooser.appendChild(summary);
            chooser.open = Boolean(state.open[table.id]);
            chooser.addEventListener("toggle", function () { state.open[table.id] = chooser.open; });
            Array.from(table.tHead.rows[0].cells).forEach(function (th, i) {
              const label = document.createElement("label");
              const box = document.createElement("input");
              box.type = "checkbox";
              box.checked = (state.hidden[table.id] || []).indexOf(i) < 0;
              box.addEventListener("change", function () {
                const hidden = new Set(state.hidden[table.id] || []);
                if (box.checked) hidden.delete(i); else hidden.add(i);
                state.hidden[table.id] = Array.from(hidden);
                try { sessionStorage.setItem("cflab-hidden", JSON.stringify(state.hidden)); } catch (e) {}
                applyColumns(table);
              });
              label.appendChild(box);
              label.appendChild(document.createTextNode(" " + th.textContent));
              chooser.appendChild(label);
            });
            table.parentNode.insertBefore(chooser, table);
          }

          function updateOverlayLink() {
            document.querySelectorAll("a.overlay-link").forEach(function (link) {
              const ids = Array.from(state.picked).sort(function (a, b) { return a - b; });
              link.href = "/overlay?runs=" + ids.join(",");
              link.textContent = ids.length ? "Overlay " + ids.length + " selected run" + (ids.length === 1 ? "" : "s") : "Select runs to overlay";
              link.classList.toggle("disabled", ids.length === 0);
            });
          }

          function enhance(root) {
            root.querySelectorAll("table.sortable").forEach(function (table) {
              if (!table.tHead) return;
              Array.from(table.tHead.rows[0].cells).forEach(function (th, i) {
                th.addEventListener("click", function () {
                  const current = state.sort[table.id];
                  const descending = current && current.index === i ? !current.descending : false;
                  state.sort[table.id] = { index: i, descending: descending };
                  sortTable(table, i, descending);
                });
              });
              const saved = state.sort[table.id];
              if (saved) sortTable(table, saved.index, saved.descending);
              if (table.classList.contains("choosable")) columnChooser(table);
              applyColumns(table);
            });
            root.querySelectorAll("input.pick").forEach(function (box) {
              const id = Number(box.getAttribute("data-run"));
              box.checked = state.picked.has(id);
              box.addEventListener("change", function () {
                if (box.checked) state.picked.add(id); else state.picked.delete(id);
                updateOverlayLink();
              });
            });
            updateOverlayLink();
          }

          function say(text) {
            const element = document.getElementById("live-state");
            if (element) element.textContent = text;
          }

          function poll(main) {
            const every = Number(main.getAttribute("data-poll")) || 1000;
            const headers = state.etag ? { "If-None-Match": state.etag } : {};
            fetch(window.location.href, { headers: headers, cache: "no-store", credentials: "same-origin" })
              .then(function (response) {
                if (response.status === 304) { say("live · checked " + new Date().toLocaleTimeString()); return null; }
                if (!response.ok) { say("live · server said " + response.status); return null; }
                state.etag = response.headers.get("ETag");
                return response.text();
              })
              .then(function (text) {
                if (text === null) return;
                const fresh = new DOMParser().parseFromString(text, "text/html").getElementById("page");
                if (!fresh) return;
                main.replaceChildren.apply(main, Array.from(fresh.childNodes).map(function (node) { return document.importNode(node, true); }));
                enhance(main);
                say("live · updated " + new Date().toLocaleTimeString());
              })
              .catch(function () { say("live · server unreachable, retrying"); })
              .finally(function () { setTimeout(function () { poll(main); }, every); });
          }

          document.addEventListener("DOMContentLoaded", function () {
            const main = document.getElementById("page");
            if (!main) return;
            enhance(main);
            if (main.getAttribute("data-live") === "true") {
              say("live");
              setTimeout(function () { poll(main); }, Number(main.getAttribute("data-poll")) || 1000);
            }
          });
        })();
        """#
}

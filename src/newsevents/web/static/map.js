// World map of event places, drawn as SVG in the browser. No map tiles, no network beyond this server:
// country shapes come from /static/countries-110m.json (world-atlas, Natural Earth 1:110m) converted with
// topojson-client; event places from /api/locations and events per country of their place from
// /api/location-countries (same filter as the page).
// Projection: equirectangular (plate carree), longitude -180..180 and latitude LAT_MAX..LAT_MIN fill the viewBox.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 960, H = 480, LAT_MAX = 84, LAT_MIN = -58;

  function x(lon) { return (lon + 180) / 360 * W; }
  function y(lat) { return (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * H; }

  // A ring that crosses the antimeridian (Russia's Chukotka, Fiji) is unwrapped into continuous longitudes
  // beyond +-180 and drawn twice, shifted by 360 degrees; the SVG viewport clips what falls outside.
  function ringPath(ring) {
    var lons = [], shift = 0, min = Infinity, max = -Infinity;
    for (var i = 0; i < ring.length; i++) {
      var lon = ring[i][0] + shift;
      if (i > 0 && lon - lons[i - 1] > 180) { shift -= 360; lon -= 360; }
      else if (i > 0 && lon - lons[i - 1] < -180) { shift += 360; lon += 360; }
      lons.push(lon);
      min = Math.min(min, lon); max = Math.max(max, lon);
    }
    var offsets = [0];
    if (max > 180) offsets.push(-360);
    if (min < -180) offsets.push(360);
    return offsets.map(function (off) {
      return ring.map(function (p, j) {
        return (j ? "L" : "M") + x(lons[j] + off).toFixed(1) + "," + y(p[1]).toFixed(1);
      }).join("") + "Z";
    }).join("");
  }

  function geometryPath(g) {
    if (!g) return "";
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    var d = "";
    polys.forEach(function (poly) { poly.forEach(function (ring) { d += ringPath(ring); }); });
    return d;
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function titled(e, text) { el("title", {}, e).textContent = text; return e; }

  // light grey (no events) to dark blue (the most events), on a square-root scale
  function shade(n, max) {
    if (!n) return "#e6e6e6";
    var t = Math.sqrt(n / max), a = [198, 219, 239], b = [8, 81, 156];
    return "rgb(" + a.map(function (v, i) { return Math.round(v + (b[i] - v) * t); }).join(",") + ")";
  }

  // countryRows: events per country of their place at any precision (/api/location-countries)
  function draw(svg, world, places, countryRows) {
    var loading = svg.querySelector(".loading");
    if (loading) loading.remove();
    var perCountry = {}, maxCountry = 0, maxPlace = 0;
    countryRows.forEach(function (c) {
      if (c.country_numeric) {
        perCountry[c.country_numeric] = (perCountry[c.country_numeric] || 0) + c.n;
        maxCountry = Math.max(maxCountry, perCountry[c.country_numeric]);
      }
    });
    places.forEach(function (p) { maxPlace = Math.max(maxPlace, p.n); });
    var countries = el("g", {"class": "countries"}, svg);
    var fc = topojson.feature(world, world.objects.countries);
    fc.features.forEach(function (f) {
      if (f.id === "010") return; // Antarctica: outside the latitude range drawn
      var n = perCountry[f.id] || 0;
      var path = el("path", {"d": geometryPath(f.geometry), "fill": shade(n, maxCountry), "class": "country",
                             "data-id": f.id || ""}, countries);
      titled(path, ((f.properties && f.properties.name) || "") + (n ? ": " + n + " events" : ""));
    });
    var dots = el("g", {"class": "places"}, svg);
    places.forEach(function (p) {
      if (p.lat === null || p.lon === null || p.lat < LAT_MIN || p.lat > LAT_MAX) return;
      var c = el("circle", {"cx": x(p.lon).toFixed(1), "cy": y(p.lat).toFixed(1),
                            "r": radius(p.n, maxPlace).toFixed(1), "class": "place", "tabindex": "0",
                            "data-name": p.name || ""}, dots);
      titled(c, (p.name || "?") + (p.country ? " (" + p.country + ")" : "") + ": " + p.n + " events (click to list them)");
      c.addEventListener("click", function () { select(svg, c, p); });
      c.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(svg, c, p); });
    });
    legend(document.getElementById("map-legend"), maxCountry, maxPlace);
    svg.setAttribute("data-ready", "1");
  }

  function radius(n, max) { return 2.5 + 12 * Math.sqrt(n / max); }

  // The legend: the shading of a few country totals and the circles of a few place counts, same scales as
  // the map.
  function legend(box, maxCountry, maxPlace) {
    if (!box) return;
    var steps = function (max) {
      var out = [1];
      [Math.round(max / 4), max].forEach(function (v) { if (v > out[out.length - 1]) out.push(v); });
      return out;
    };
    var shadeSvg = el("svg", {"width": 230, "height": 34, "class": "legend-shade", "role": "img",
                              "aria-label": "Country shading"}, box);
    el("text", {"x": 0, "y": 10}, shadeSvg).textContent = "events placed in a country:";
    [0].concat(maxCountry ? steps(maxCountry) : []).forEach(function (n, i) {
      el("rect", {"x": i * 56, "y": 15, "width": 18, "height": 14, "fill": shade(n, maxCountry || 1),
                  "stroke": "#bbb", "class": "swatch"}, shadeSvg);
      el("text", {"x": i * 56 + 22, "y": 27}, shadeSvg).textContent = String(n);
    });
    if (!maxPlace) return;
    var sizes = steps(maxPlace), w = 140 + sizes.length * 50;
    var sizeSvg = el("svg", {"width": w, "height": 40, "class": "legend-size", "role": "img",
                             "aria-label": "Circle sizes"}, box);
    el("text", {"x": 0, "y": 24}, sizeSvg).textContent = "events at a place:";
    sizes.forEach(function (n, i) {
      var r = radius(n, maxPlace), cx = 120 + i * 50;
      el("circle", {"cx": cx, "cy": 20, "r": r.toFixed(1), "class": "place legend-circle"}, sizeSvg);
      el("text", {"x": cx + r + 3, "y": 24}, sizeSvg).textContent = String(n);
    });
  }

  // Clicking a place lists its events under the map (same filter as the page, plus the place).
  function select(svg, circle, p) {
    Array.prototype.forEach.call(svg.querySelectorAll("circle.place.selected"), function (c) {
      c.classList.remove("selected");
    });
    circle.classList.add("selected");
    var box = document.getElementById("place-events");
    if (!box || !p.name) return;
    var filter = svg.dataset.query ? svg.dataset.query + "&" : "";
    var q = filter + "place=" + encodeURIComponent(p.name);
    box.textContent = "";
    var h = document.createElement("h2");
    h.textContent = p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.n + (p.n === 1 ? " event " : " events ");
    var all = document.createElement("a");
    all.href = "/?" + q;
    all.textContent = "open in the event list";
    h.appendChild(all);
    box.appendChild(h);
    json("/api/events?" + q + "&limit=20").then(function (res) {
      var table = document.createElement("table");
      table.className = "events";
      table.id = "place-table";
      var body = document.createElement("tbody");
      res.events.forEach(function (e) {
        var tr = document.createElement("tr");
        var when = (e.date && e.date.value) || e.published || "";
        var ents = function (l) { return (l || []).map(function (a) { return a.code + (a.sector || ""); }).join(", "); };
        [when, ents(e.actor)].forEach(function (t) { var td = document.createElement("td"); td.textContent = t; tr.appendChild(td); });
        var td = document.createElement("td"), a = document.createElement("a");
        a.href = "/events/" + encodeURIComponent(e.id);
        a.textContent = e.event_type;
        td.appendChild(a);
        tr.appendChild(td);
        [ents(e.recipient), e.sentence || ""].forEach(function (t) { var td2 = document.createElement("td"); td2.textContent = t; tr.appendChild(td2); });
        body.appendChild(tr);
      });
      table.appendChild(body);
      box.appendChild(table);
      box.setAttribute("data-ready", "1");
    }).catch(function (err) { box.appendChild(document.createTextNode("The events could not be loaded: " + err.message)); });
  }

  function fail(svg, message) {
    var t = svg.querySelector(".loading") || el("text", {"x": W / 2, "y": H / 2, "text-anchor": "middle"}, svg);
    t.textContent = message;
    svg.setAttribute("data-ready", "error");
  }

  function json(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("map");
    if (!svg) return;
    Promise.all([json(svg.dataset.world), json(svg.dataset.locations), json(svg.dataset.countries)])
      .then(function (res) { draw(svg, res[0], res[1], res[2]); })
      .catch(function (err) { fail(svg, "The map could not be drawn: " + err.message); });
  });
})();

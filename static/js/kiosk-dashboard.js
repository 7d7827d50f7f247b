/* Station dashboard charts (issue 5), drawn with the vendored Chart.js from the page's JSON data
 * block (the CSP allows no inline script). Without JavaScript the tables stay open instead. */
(function () {
  "use strict";

  var INK = "#000000";
  var REFERRALS = "#003d99"; // the kiosk's accent blue
  var PLACEMENTS = "#a34700"; // dark orange; also drawn as a line with diamonds, not bars
  var GRID = "#8c8c8c";

  function readData() {
    var block = document.getElementById("dashboard-data");
    if (!block) {
      return null;
    }
    try {
      return JSON.parse(block.textContent);
    } catch (error) {
      return null;
    }
  }

  /* Show the chart's box and fold its table away (still one tap to open). */
  function reveal(canvas) {
    var box = canvas.parentNode;
    box.hidden = false;
    var table = box.parentNode.querySelector("details.dash-table");
    if (table) {
      table.open = false;
    }
  }

  function setDefaults(Chart) {
    Chart.defaults.font.size = 20;
    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = INK;
    Chart.defaults.borderColor = GRID;
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.plugins.legend.position = "bottom";
    Chart.defaults.plugins.legend.labels.usePointStyle = true;
  }

  function countAxis() {
    return { beginAtZero: true, ticks: { precision: 0 }, grid: { color: GRID } };
  }

  function drawDaily(Chart, canvas, daily) {
    reveal(canvas);
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: daily.labels,
        datasets: [
          {
            type: "line",
            label: daily.placementsLabel,
            data: daily.placements,
            borderColor: PLACEMENTS,
            backgroundColor: PLACEMENTS,
            borderWidth: 4,
            pointStyle: "rectRot",
            pointRadius: 6,
            order: 0
          },
          {
            type: "bar",
            label: daily.referralsLabel,
            data: daily.referrals,
            backgroundColor: REFERRALS,
            pointStyle: "rect",
            order: 1
          }
        ]
      },
      options: {
        scales: {
          x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 16 } },
          y: countAxis()
        }
      }
    });
  }

  function drawCategories(Chart, canvas, categories) {
    reveal(canvas);
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: categories.labels,
        datasets: [
          {
            label: categories.label,
            data: categories.counts,
            backgroundColor: REFERRALS,
            maxBarThickness: 64
          }
        ]
      },
      options: {
        indexAxis: "y",
        plugins: { legend: { display: false } },
        scales: { x: countAxis(), y: { grid: { display: false } } }
      }
    });
  }

  function main() {
    var Chart = window.Chart;
    var data = readData();
    if (!Chart || !data) {
      return;
    }
    setDefaults(Chart);
    var daily = document.getElementById("chart-daily");
    if (daily && data.daily) {
      drawDaily(Chart, daily, data.daily);
    }
    var categories = document.getElementById("chart-categories");
    if (categories && data.categories && data.categories.counts.length) {
      drawCategories(Chart, categories, data.categories);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", main);
  } else {
    main();
  }
})();

/*
 * FactorGuard chart bridge: renders Apache ECharts options sent by the server-side EChart component.
 * Loaded as a static file (no frontend bundle rebuild). ECharts itself comes from the webjar.
 *
 * Options are JSON (written by ChartOptions); since JSON cannot carry functions, a few formatter names are
 * resolved here (ChartFormat on the server names them):
 *   "fg:percent"   0.1234 -> "12.34 %"
 *   "fg:percent1"  0.1234 -> "12.3 %"
 *   "fg:percent0"  0.1234 -> "12 %"
 *   "fg:number2"   1.2345 -> "1.23"
 *   "fg:number4"   1.23456 -> "1.2346"
 */
(function () {
  if (window.fgCharts) {
    return;
  }
  const ECHARTS_URL = 'webjars/echarts/5.5.0/echarts.min.js';
  let loading = null;

  function loadEcharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        const script = document.createElement('script');
        script.src = ECHARTS_URL;
        script.onload = function () { resolve(window.echarts); };
        script.onerror = function () { loading = null; reject(new Error('could not load ' + ECHARTS_URL)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function fmtNumber(v, digits) {
    if (v === null || v === undefined || v === '' || isNaN(v)) {
      return '–';
    }
    return Number(v).toFixed(digits);
  }

  const FORMATTERS = {
    'fg:percent': function (v) { return v === null || isNaN(v) ? '–' : (Number(v) * 100).toFixed(2) + ' %'; },
    'fg:percent1': function (v) { return v === null || isNaN(v) ? '–' : (Number(v) * 100).toFixed(1) + ' %'; },
    'fg:percent0': function (v) { return v === null || isNaN(v) ? '–' : (Number(v) * 100).toFixed(0) + ' %'; },
    'fg:number2': function (v) { return fmtNumber(v, 2); },
    'fg:number4': function (v) { return fmtNumber(v, 4); }
  };

  function valueOf(p) {
    if (Array.isArray(p.value)) {
      return p.value[p.value.length - 1];
    }
    return p.value;
  }

  function tooltipFormatter(fmt) {
    return function (params) {
      const list = Array.isArray(params) ? params : [params];
      if (list.length === 0) {
        return '';
      }
      const head = list[0].axisValueLabel !== undefined ? list[0].axisValueLabel : list[0].name;
      const rows = list.map(function (p) {
        return p.marker + ' ' + p.seriesName + ': <b>' + fmt(valueOf(p)) + '</b>';
      });
      return (head ? head + '<br/>' : '') + rows.join('<br/>');
    };
  }

  function resolve(node, key) {
    if (Array.isArray(node)) {
      return node.map(function (n) { return resolve(n); });
    }
    if (node && typeof node === 'object') {
      const out = {};
      Object.keys(node).forEach(function (k) {
        out[k] = resolve(node[k], k);
      });
      if (out.tooltip && typeof out.tooltip.valueFormatter === 'string' && FORMATTERS[out.tooltip.valueFormatter]) {
        const f = FORMATTERS[out.tooltip.valueFormatter];
        out.tooltip.formatter = tooltipFormatter(f);
        delete out.tooltip.valueFormatter;
      }
      return out;
    }
    if (typeof node === 'string' && key === 'formatter' && FORMATTERS[node]) {
      return FORMATTERS[node];
    }
    return node;
  }

  function render(el, json) {
    return loadEcharts().then(function (echarts) {
      const option = resolve(JSON.parse(json));
      let chart = echarts.getInstanceByDom(el);
      if (!chart) {
        chart = echarts.init(el, null, { renderer: 'canvas' });
        if (window.ResizeObserver) {
          new ResizeObserver(function () { chart.resize(); }).observe(el);
        }
      }
      chart.setOption(option, true);
      el.setAttribute('data-chart-ready', 'true');
      return true;
    });
  }

  window.fgCharts = { render: render, formatters: FORMATTERS };
})();

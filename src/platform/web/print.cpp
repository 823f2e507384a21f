// The JS side of print.hpp: canvas -> PNG -> an <img> that only the print stylesheet shows -> window.print().
#include "src/platform/web/print.hpp"

#include <emscripten.h>

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_print_canvas, (double top), {
  var canvas = Module['canvas'];
  var scale = canvas.width / canvas.getBoundingClientRect().width;
  var skip = Math.min(Math.round(top * scale), canvas.height - 1);
  var copy = document.createElement('canvas');
  copy.width = canvas.width; copy.height = canvas.height - skip;
  copy.getContext('2d').drawImage(canvas, 0, skip, copy.width, copy.height, 0, 0, copy.width, copy.height);
  var img = document.getElementById('onb-print');
  if (!img) {
    img = document.createElement('img');
    img.id = 'onb-print';
    img.alt = 'confirmation';
    var style = document.createElement('style');
    style.textContent = '#onb-print{display:none}@media print{body>*{display:none!important}' +
                        'body>#onb-print{display:block!important;width:100%}}';
    document.head.appendChild(style);
    document.body.appendChild(img);
  }
  img.src = copy.toDataURL('image/png');
  window.print();
});
// clang-format on

namespace onb::portal::web {

void print_canvas(double top_css_px) { onb_js_print_canvas(top_css_px); }

}  // namespace onb::portal::web

// The browser's print dialog for the printable confirmation. The canvas is WebGL: its pixels are
// copied into an image shown only on paper (a print stylesheet hides everything else).
#pragma once

namespace onb::portal::web {

// Call right after the frame to print was drawn (its drawing buffer is still readable then). The top
// `top_css_px` of the canvas (a toolbar) are left out.
void print_canvas(double top_css_px);

}  // namespace onb::portal::web
